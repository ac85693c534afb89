import { asArray, isRecord, type ActionItem, type Postmortem } from '../../core/model';
import type { Path } from '../../core/parse';

export interface ActionItemAt {
  index: number;
  item: ActionItem;
  path: Path;
  /** "Action item 2": how messages name it. The location already shows the text, and a quote would push the point out of view. */
  label: string;
  /** The action text, cut to 50 characters, for the messages that are about the text itself. */
  short: string;
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
      label: `Action item ${index + 1}`,
      short,
    });
  });
  return result;
}

/** True when a value is absent, empty or only whitespace. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
