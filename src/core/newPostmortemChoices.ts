/**
 * What a host asks the user for when creating a post-mortem (severity, date) and the checks on it:
 * no parser here, so the editor's features bundle (src/extension/commands.ts) takes these alone.
 * src/core/newPostmortem.ts plans the file itself.
 */
import { parseCalendarDate } from './time';

export const SEVERITY_CHOICES = [
  { severity: 'SEV-1', definition: 'Revenue impact: customers cannot pay, or money is lost' },
  { severity: 'SEV-2', definition: 'Customer impact: customers see errors or slowness, no revenue loss' },
  { severity: 'SEV-3', definition: 'Internal impact: only teams inside the company are affected' },
] as const;
export type NewSeverity = (typeof SEVERITY_CHOICES)[number]['severity'];

export function isNewSeverity(value: string): value is NewSeverity {
  return SEVERITY_CHOICES.some((c) => c.severity === value);
}

/** True for an existing calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  return parseCalendarDate(value) !== undefined;
}

/** The user's own calendar day (local time): a post-mortem started at 00:30 belongs to that local day. */
export function localIsoDate(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `2026-03-02T14:05:00+01:00`: local wall time with its offset, as the format wants date-times. */
export function localIsoDateTime(now: Date = new Date()): string {
  const offset = -now.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${localIsoDate(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Kernel pseudo-filesystems: files there are not files, and a post-mortem folder there makes no sense. */
const PSEUDO_FILESYSTEMS = ['/proc', '/sys', '/dev'];

/**
 * The pseudo-filesystem (`/proc`, `/sys`, `/dev`) an absolute POSIX path lies in, if any. The hosts refuse
 * to create a post-mortem folder there: a recursive mkdir of `/proc/x` never returns (see src/cli/new.ts).
 */
export function pseudoFilesystemOf(absolutePath: string): string | undefined {
  const path = absolutePath.replace(/\/+/g, '/');
  return PSEUDO_FILESYSTEMS.find((root) => path === root || path.startsWith(`${root}/`));
}

/** `date` at the current local wall time, with offset: the placeholder for the incident's instants. */
export function dateTimeOn(date: string, now: Date = new Date()): string {
  return `${date}${localIsoDateTime(now).slice(10)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
