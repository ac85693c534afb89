/** Text shown on one line of an outline, a symbol list or a completion: control and format characters and runs of blanks become one space; longer than `max`, it is cut with an ellipsis. */
export function oneLine(text: string, max: number): string {
  const line = text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}
