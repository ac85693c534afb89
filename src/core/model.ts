/**
 * The shape of a post-mortem as `docs/format.md` defines it.
 * Everything is optional and loosely typed on purpose: rules, the preview and
 * the review also run on documents that fail the schema, so code reading these
 * types must check each value (use the `as*` helpers below) and never assume.
 */

export const SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-3'] as const;
export const STATUSES = ['draft', 'in-review', 'reviewed', 'closed'] as const;
export const INDUSTRIES = ['fintech', 'healthcare', 'saas', 'e-commerce', 'manufacturing', 'other'] as const;
export const DETECTION_METHODS = ['monitoring', 'customer-report', 'internal'] as const;
export const TIMELINE_KINDS = ['trigger', 'alert', 'notified', 'investigating', 'root-cause', 'fix-deployed', 'resolved', 'note'] as const;
/** The milestone kinds every timeline should contain (timeline-milestones). */
export const MILESTONE_KINDS = ['alert', 'notified', 'investigating', 'root-cause', 'fix-deployed', 'resolved'] as const;
export const FACTOR_KEYS = [
  'monitoring',
  'testing',
  'documentation',
  'process',
  'knowledge_concentration',
  'capacity',
  'third_party',
  'communication',
  'change_management',
  'technical_debt',
] as const;
export const PRIORITIES = ['P0', 'P1', 'P2'] as const;
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;
export const ACTION_TYPES = ['detect', 'mitigate', 'prevent', 'process'] as const;
export const REGIMES = ['HIPAA', 'GDPR', 'PCI-DSS', 'SOX', 'SOC2', 'SEC-8K', 'OSHA'] as const;
export const OSHA_EVENTS = ['fatality', 'hospitalization'] as const;
export const RECURRENCE_KEYS = ['monitoring', 'runbook', 'tests', 'architecture_change', 'training'] as const;

export type SeverityLevel = (typeof SEVERITIES)[number];
export type FactorKey = (typeof FACTOR_KEYS)[number];
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface TimelineEntry {
  at?: unknown;
  event?: unknown;
  kind?: unknown;
  source?: unknown;
}

export interface Factor {
  score?: unknown;
  notes?: unknown;
}

export interface ActionItem {
  action?: unknown;
  owner?: unknown;
  deadline?: unknown;
  priority?: unknown;
  status?: unknown;
  type?: unknown;
  link?: unknown;
  reason?: unknown;
}

export interface RegulatoryEntry {
  regime?: unknown;
  discovered?: unknown;
  notified?: unknown;
  event?: unknown;
}

export interface Postmortem {
  id?: unknown;
  title?: unknown;
  status?: unknown;
  authors?: unknown;
  reviewed?: unknown;
  industry?: unknown;
  services?: unknown;
  summary?: {
    start?: unknown;
    end?: unknown;
    severity?: unknown;
    impact?: { users_affected?: unknown; sla_breached?: unknown };
    detection?: { method?: unknown; first_alert?: unknown };
    description?: unknown;
  };
  timeline?: unknown;
  root_cause?: { whys?: unknown; category?: unknown };
  contributing_factors?: unknown;
  went_well?: unknown;
  got_lucky?: unknown;
  action_items?: unknown;
  recurrence_prevention?: unknown;
  cost?: unknown;
  regulatory?: unknown;
  related?: unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function asStringArray(value: unknown): string[] {
  return asArray(value).filter((v): v is string => typeof v === 'string');
}

/** An action item's status for counting: a missing or unknown status counts as open, since nothing says it was finished. */
export function actionStatusOf(status: unknown): ActionStatus {
  return (ACTION_STATUSES as readonly unknown[]).includes(status) ? (status as ActionStatus) : 'open';
}

/** The document as a Postmortem when it is a mapping at all, else an empty one. */
export function asPostmortem(data: unknown): Postmortem {
  return isRecord(data) ? (data as Postmortem) : {};
}
