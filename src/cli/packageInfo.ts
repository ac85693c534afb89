/**
 * The package's own name, version and homepage, for `--version` and SARIF's driver. Named imports
 * so esbuild bundles these three values, not the whole manifest (its `contributes` is 20 KB).
 */
export { name as packageName, version as packageVersion, homepage as packageHomepage } from '../../package.json';
