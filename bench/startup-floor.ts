/**
 * The startup floor (bench/startup.bench.ts): a node process that only loads `yaml` and the compiled
 * schema validator and checks one file. Bundled by the bench with esbuild like the CLI, so both sides
 * pay the same for loading code from one file.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import validate from '../src/generated/postmortem-validator';

const document = parseDocument(readFileSync(process.argv[2], 'utf8'));
const valid = validate(document.toJS()) && document.errors.length === 0;
process.stdout.write(valid ? 'valid\n' : 'invalid\n');
