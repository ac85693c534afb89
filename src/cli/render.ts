import { lintText } from '../core/lint';
import { isRecord } from '../core/model';
import { todayDate } from '../core/time';
import { bestEffortData, renderReport, type RenderFormat } from '../render/index';
import type { CliIO } from './main';
import { UsageError, defineCommand, isoDateOption, oneOf, readCommandLine, readNamedFile } from './args';
import { loadLintSettings } from './files';
import { escapeOutput, printable } from '../core/excerpt';

export const RENDER_USAGE = `Usage: postmortem render FILE [options]

Renders one post-mortem as a report, with the computed figures.

Options:
  --format <html|markdown|json>  html: one self-contained page (styles inline, no script);
                                 markdown: GitHub-flavoured; json: the computed figures only
                                 (default: markdown)
  --today <YYYY-MM-DD>           The date that overdue items and deadlines count from (default: the real date)
  -h, --help                     Show this help

Settings (holidays, timeline gaps, rule levels) come from the nearest .postmortem.yaml.
Exit codes: 0 rendered (problems in the document are listed in the report),
1 when the file cannot be parsed at all, 2 on usage errors or an unreadable file.
`;

const FORMATS: readonly RenderFormat[] = ['html', 'markdown', 'json'];

const RENDER = defineCommand({
  name: 'render',
  usage: RENDER_USAGE,
  allowPositionals: true,
  options: { format: { type: 'string', default: 'markdown' }, today: { type: 'string' } },
});

export async function runRender(args: string[], io: CliIO): Promise<number> {
  const options = readCommandLine(RENDER, io, args, ({ values, positionals }) => {
    const format = oneOf('--format', values.format, FORMATS);
    const today = isoDateOption('--today', values.today);
    if (positionals.length !== 1) {
      throw new UsageError(`give exactly one file to render${positionals.length ? `, got ${positionals.length}` : ''}.`, true);
    }
    return { format, today, file: positionals[0] };
  });
  if (typeof options === 'number') return options;
  const { format, file } = options;

  const read = await readNamedFile(RENDER, io, file);
  if (!read.ok) {
    if (read.kind === 'too-large') io.stderr(`postmortem render: cannot read ${printable(file)}: ${read.message}\n`);
    return 2;
  }
  const text = read.text;

  const settings = await loadLintSettings(io.cwd, (m) => io.stderr(`postmortem render: ${m}\n`));
  const today = todayDate(options.today);
  const { parsed, diagnostics } = lintText(text, { today, file, settings });
  if (!isRecord(bestEffortData(parsed))) {
    const first = diagnostics.find((d) => d.severity === 'error');
    io.stderr(
      `postmortem render: ${printable(file)} cannot be read as a post-mortem${first ? `: ${printable(file)}:${first.range.start.line + 1}:${first.range.start.character + 1} ${printable(first.message)}` : ' (it is not a YAML mapping)'}\n`,
    );
    return 1;
  }
  const report = renderReport({ parsed, diagnostics, today, holidays: settings.holidays, timelineGapMinutes: settings.timelineGapMinutes }, format);
  io.stdout(escapeOutput(report, format));
  return 0;
}
