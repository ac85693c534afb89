import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SEVERITY_CHOICES, dateTimeOn, isNewSeverity, localIsoDate, planNewPostmortem, pseudoFilesystemOf } from '../core/newPostmortem';
import type { CliIO } from './main';
import { UsageError, defineCommand, isoDateOption, readCommandLine } from './args';
import { describeFsError } from './files';
import { readSnapshot } from './atomicWrite';

export const NEW_USAGE = `Usage: postmortem new --title <title> --severity <SEV-1|SEV-2|SEV-3> [--dir postmortems] [--date YYYY-MM-DD]

Creates <dir>/YYYY-MM-DD-<slug>.pm.yaml from the template, with the next free
id for that date (INC-YYYY-MM-DD-NNN), and prints its path. Never overwrites:
an existing name gets a -2, -3... suffix.

Severities:
${SEVERITY_CHOICES.map((c) => `  ${c.severity}  ${c.definition}`).join('\n')}
`;

const NEW = defineCommand({
  name: 'new',
  usage: NEW_USAGE,
  allowPositionals: false,
  options: { title: { type: 'string' }, severity: { type: 'string' }, dir: { type: 'string', default: 'postmortems' }, date: { type: 'string' } },
});

export async function runNew(args: string[], io: CliIO): Promise<number> {
  const options = readCommandLine(NEW, io, args, ({ values }) => {
    const title = values.title?.trim();
    if (!title) throw new UsageError('--title is required and may not be empty.', true);
    const severity = values.severity?.trim().toUpperCase() ?? '';
    if (!isNewSeverity(severity)) throw new UsageError(`--severity must be one of ${SEVERITY_CHOICES.map((c) => c.severity).join(', ')}.`);
    return { title, severity, date: isoDateOption('--date', values.date) ?? localIsoDate(), dirArg: values.dir };
  });
  if (typeof options === 'number') return options;
  const { title, severity, date, dirArg } = options;
  const dir = resolve(io.cwd, dirArg);

  const refusal = await prepareFolder(dir);
  if (refusal) {
    io.stderr(`postmortem new: cannot create ${dirArg}: ${refusal}\n`);
    return 2;
  }
  const existing = await readFolder(dir);
  // `wx` fails when the file exists, so a file created meanwhile by someone else is never overwritten.
  for (let attempt = 0; attempt < 5; attempt++) {
    const plan = planNewPostmortem({ title, severity, date, now: dateTimeOn(date), existing });
    try {
      await fs.writeFile(join(dir, plan.fileName), plan.text, { encoding: 'utf8', flag: 'wx' });
      io.stdout(`${joinDisplay(dirArg, plan.fileName)}\n`);
      return 0;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        io.stderr(`postmortem new: cannot write ${joinDisplay(dirArg, plan.fileName)}: ${describeFsError(error)}\n`);
        return 2;
      }
      existing.push({ name: plan.fileName });
    }
  }
  io.stderr(`postmortem new: the folder ${dirArg} keeps changing; try again.\n`);
  return 2;
}

/**
 * Makes sure `dir` is a folder, creating what is missing; the reason in words when it cannot be. Not
 * `mkdir -p` (`fs.mkdir` with `recursive`): under /proc the kernel answers ENOENT to mkdir of a missing
 * child of an existing folder, and node's recursive mkdir then creates the parent (EEXIST) and retries the
 * child forever. Here each missing folder is created once, in order, and checked.
 */
async function prepareFolder(dir: string): Promise<string | undefined> {
  // The path as written and where its existing part really leads (a link into /proc counts).
  const missing: string[] = [];
  let existing = dir;
  let stat;
  for (;;) {
    try {
      stat = await fs.stat(existing);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') return 'a part of the path is not a directory';
      if (code !== 'ENOENT') return describeFsError(error);
      const parent = dirname(existing);
      if (parent === existing) return describeFsError(error);
      missing.unshift(basename(existing));
      existing = parent;
    }
  }
  if (!stat.isDirectory()) return `${existing === dir ? 'it' : existing} is not a directory`;
  let real = existing;
  try {
    real = await fs.realpath(existing);
  } catch {
    // The folder exists; its real path only serves the check below.
  }
  const pseudo = pseudoFilesystemOf(join(real, ...missing)) ?? pseudoFilesystemOf(dir);
  if (pseudo) return `${pseudo} is a kernel pseudo-filesystem, not a place for files; choose a folder in the repository`;
  let current = existing;
  for (const name of missing) {
    current = join(current, name);
    try {
      await fs.mkdir(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return describeFsError(error);
    }
  }
  try {
    if (!(await fs.stat(dir)).isDirectory()) return 'it is not a directory';
  } catch (error) {
    return describeFsError(error);
  }
  return undefined;
}

async function readFolder(dir: string): Promise<Array<{ name: string; text?: string }>> {
  const files: Array<{ name: string; text?: string }> = [];
  let names: string[] = [];
  try {
    names = await fs.readdir(dir);
  } catch {
    return files;
  }
  for (const name of names) {
    // Every name counts for collisions; only post-mortems are read for their ids.
    if (!name.endsWith('.pm.yaml')) {
      files.push({ name });
      continue;
    }
    try {
      // Regular files only, size-capped, never blocking on a FIFO: a linked /dev/zero must not hang `new`.
      const { bytes } = await readSnapshot(join(dir, name), name, { followLink: true });
      files.push({ name, text: new TextDecoder('utf-8').decode(bytes) });
    } catch {
      files.push({ name });
    }
  }
  return files;
}

function joinDisplay(folder: string, name: string): string {
  return /[\\/]$/.test(folder) ? folder + name : `${folder}/${name}`;
}
