/**
 * The free-text fields of a post-mortem, where blame language can hide.
 * `owner` and `authors` are deliberately absent: naming who owns an action
 * or wrote the document is accountability, not blame.
 */
import { asArray, asRecord, isRecord, type Postmortem } from '../model';
import type { Path } from '../parse';

export interface TextField {
  path: Path;
  value: string;
  /** summary.description is Markdown. */
  markdown: boolean;
}

export function freeTextFields(doc: Postmortem): TextField[] {
  const fields: TextField[] = [];
  const add = (path: Path, value: unknown, markdown = false): void => {
    if (typeof value === 'string' && value.trim() !== '') fields.push({ path, value, markdown });
  };
  add(['title'], doc.title);
  const summary = asRecord(doc.summary);
  add(['summary', 'description'], summary?.description, true);
  asArray(doc.timeline).forEach((entry, i) => add(['timeline', i, 'event'], asRecord(entry)?.event));
  asArray(asRecord(doc.root_cause)?.whys).forEach((why, i) => add(['root_cause', 'whys', i], why));
  const factors = asRecord(doc.contributing_factors);
  if (factors) for (const [key, factor] of Object.entries(factors)) if (isRecord(factor)) add(['contributing_factors', key, 'notes'], factor.notes);
  asArray(doc.went_well).forEach((entry, i) => add(['went_well', i], entry));
  asArray(doc.got_lucky).forEach((entry, i) => add(['got_lucky', i], entry));
  asArray(doc.action_items).forEach((item, i) => {
    const record = asRecord(item);
    add(['action_items', i, 'action'], record?.action);
    add(['action_items', i, 'reason'], record?.reason);
  });
  return fields;
}
