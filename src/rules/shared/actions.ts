import { asArray, isRecord, type ActionItem, type Postmortem } from '../../core/model';
import type { Path } from '../../core/parse';

export interface ActionItemAt {
  index: number;
  item: ActionItem;
  path: Path;
  /** "Action item 2 (“Alert on connection refusals”)": how messages name it. */
  label: string;
}

/** The action items that are mappings (anything else is the schema's to report). */
export function actionItems(doc: Postmortem): ActionItemAt[] {
  const result: ActionItemAt[] = [];
  asArray(doc.action_items).forEach((item, index) => {
    if (!isRecord(item)) return;
    const action = typeof item.action === 'string' ? item.action.trim() : '';
    const short = action.length > 50 ? `${action.slice(0, 47)}...` : action;
    result.push({
      index,
      item: item as ActionItem,
      path: ['action_items', index],
      label: short ? `Action item ${index + 1} ("${short}")` : `Action item ${index + 1}`,
    });
  });
  return result;
}

/** True when a value is absent, empty or only whitespace. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
