/** A preview element's `data-path` (`timeline.3`) as the parse's path segments. Its own file: the server reads it without the report model. */
/** `timeline.3.event` -> ['timeline', 3, 'event']. */
export function parseDataPath(path: string): Array<string | number> {
  return path
    .split('.')
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
