import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { lintText } from '../core/lint';
import { isRecord } from '../core/model';
import { isIsoDate } from '../core/newPostmortem';
import { loadRepositoryPeople } from '../core/repositoryPeople';
import { mergeSettings } from '../core/settings';
import { todayDate } from '../core/time';
import { bestEffortData, renderReport, type RenderFormat } from '../render/index';
import type { CliIO } from './main';
import { describeFsError, loadProjectContext } from './files';

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

export async function runRender(args: string[], io: CliIO): Promise<number> {
  let parsedArgs;
  try {
    parsedArgs = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'markdown' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`postmortem render: ${(error as Error).message}\n\n${RENDER_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsedArgs;
  if (values.help) {
    io.stdout(RENDER_USAGE);
    return 0;
  }
  const format = values.format as RenderFormat;
  if (!FORMATS.includes(format)) {
    io.stderr(`postmortem render: unknown --format "${values.format}"; use one of ${FORMATS.join(', ')}.\n`);
    return 2;
  }
  if (values.today !== undefined && !isIsoDate(values.today)) {
    io.stderr(`postmortem render: --today must be a date written YYYY-MM-DD, got "${values.today}".\n`);
    return 2;
  }
  if (positionals.length !== 1) {
    io.stderr(`postmortem render: give exactly one file to render${positionals.length ? `, got ${positionals.length}` : ''}.\n\n${RENDER_USAGE}`);
    return 2;
  }

  const file = positionals[0];
  let text: string;
  try {
    text = await fs.readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    io.stderr(`postmortem render: cannot read ${file}: ${describeFsError(error)}\n`);
    return 2;
  }

  const project = await loadProjectContext(io.cwd, (m) => io.stderr(`postmortem render: ${m}\n`));
  let people: string[] = [];
  try {
    people = await loadRepositoryPeople(project.repositoryDir);
  } catch {
    // The report's checklist then knows only authors, owners and the roster.
  }
  const settings = mergeSettings(project.settings, { people });
  const today = todayDate(values.today);
  const { parsed, diagnostics } = lintText(text, { today, file, settings });
  if (!isRecord(bestEffortData(parsed))) {
    const first = diagnostics.find((d) => d.severity === 'error');
    io.stderr(
      `postmortem render: ${file} cannot be read as a post-mortem${first ? `: ${file}:${first.range.start.line + 1}:${first.range.start.character + 1} ${first.message}` : ' (it is not a YAML mapping)'}\n`,
    );
    return 1;
  }
  io.stdout(renderReport({ parsed, diagnostics, today, holidays: settings.holidays, timelineGapMinutes: settings.timelineGapMinutes }, format));
  return 0;
}
