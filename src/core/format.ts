/**
 * Durations as people read them. One function for every place that shows a
 * duration, so the preview, the quarterly review and the diagnostics agree.
 */

/**
 * `figure`: how the preview and the quarterly review show a figure,
 * 150 -> "2h 30m", 125 -> "2h 05m", 45 -> "45m", 1500 -> "1d 1h", 0.5 -> "30s".
 * `prose`: inside a sentence of a diagnostic message, 150 -> "2 h 30 min", 45 -> "45 min".
 */
export type DurationStyle = 'figure' | 'prose';

export function formatDuration(minutes: number, style: DurationStyle = 'figure'): string {
  return style === 'prose' ? proseDuration(minutes) : figureDuration(minutes);
}

function figureDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const total = Math.abs(minutes);
  if (total < 1 && total > 0) return `${sign}${Math.round(total * 60)}s`;
  const whole = Math.round(total);
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const mins = whole % 60;
  if (days > 0) return `${sign}${days}d${hours ? ` ${hours}h` : ''}${mins ? ` ${mins}m` : ''}`;
  if (hours > 0) return `${sign}${hours}h${mins ? ` ${String(mins).padStart(2, '0')}m` : ''}`;
  return `${sign}${mins}m`;
}

function proseDuration(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} min`;
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
