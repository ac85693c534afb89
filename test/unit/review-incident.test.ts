// The facts the quarterly review reads from one post-mortem (src/review/incident.ts), and their cache.
// test/unit/review.test.ts checks them through the quarter's figures; these pin each fact itself.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FactsCache, incidentFacts } from '../../src/review/incident';
import { PostmortemStore } from '../../src/core/store';
import type { WorkspaceEntry } from '../../src/core/workspace';

const today = { year: 2026, month: 10, day: 15 };

function entryOf(text: string, file = 'postmortems/2026/INC-2026-07-01-001.pm.yaml'): WorkspaceEntry {
  const store = new PostmortemStore();
  store.upsert(file, text);
  const [entry] = [...store.entries()];
  return entry;
}

const facts = (text: string, file?: string) => incidentFacts(entryOf(text, file), { today });

describe('incidentFacts', () => {
  it('trims the id and the status; a status past draft is not a draft', () => {
    const f = facts('id: "  INC-2026-07-01-001  "\nstatus: " closed "\nsummary:\n  start: 2026-07-01T10:00:00Z\n');
    assert.equal(f.id, 'INC-2026-07-01-001');
    assert.equal(f.status, 'closed');
    assert.equal(f.draft, false);
  });

  it('without an id, the file name stands for it (either slash); without a title, an empty one', () => {
    assert.equal(facts('summary:\n  start: 2026-07-01T10:00:00Z\n').id, 'INC-2026-07-01-001.pm.yaml');
    assert.equal(facts('summary:\n  start: 2026-07-01T10:00:00Z\n', 'C:\\pm\\late.pm.yaml').id, 'late.pm.yaml');
    assert.equal(facts('summary:\n  start: 2026-07-01T10:00:00Z\n').title, '');
  });

  it('lists each service once, in the order written', () => {
    assert.deepEqual(facts('services: [api, db, api]\nsummary:\n  start: 2026-07-01T10:00:00Z\n').services, ['api', 'db']);
  });

  it('writes a three-letter currency in capitals and keeps any other as written', () => {
    const currency = (written: string) => facts(`summary:\n  start: 2026-07-01T10:00:00Z\ncost:\n  currency: "${written}"\n  revenue_lost: 10\n`).currency;
    assert.equal(currency('usd'), 'USD');
    assert.equal(currency(' eur '), 'EUR');
    assert.equal(currency('usd-x'), 'usd-x');
    assert.equal(currency('x-usd'), 'x-usd');
    assert.equal(currency('us'), 'us');
  });

  it('an action item without text or owner has empty ones', () => {
    const [action] = facts('summary:\n  start: 2026-07-01T10:00:00Z\naction_items:\n  - status: open\n').actions;
    assert.equal(action.action, '');
    assert.equal(action.owner, '');
  });
});

describe('FactsCache', () => {
  const text = 'id: INC-2026-07-01-001\nstatus: closed\nsummary:\n  start: 2026-07-01T10:00:00Z\naction_items:\n  - action: Fix it\n    owner: Team\n    deadline: 2026-09-01\n    status: open\n';

  it('hands out the same facts for the same entry and day', () => {
    const cache = new FactsCache();
    const entry = entryOf(text);
    assert.equal(cache.get(entry, { today }), cache.get(entry, { today }));
  });

  it('starts over on another day or other holidays: overdue depends on them', () => {
    const cache = new FactsCache();
    const entry = entryOf(text);
    assert.equal(cache.get(entry, { today }).actions[0].overdue, true);
    assert.equal(cache.get(entry, { today: { year: 2026, month: 8, day: 1 } }).actions[0].overdue, false);
    const before = cache.get(entry, { today, holidays: ['2026-12-25'] });
    assert.notEqual(cache.get(entry, { today, holidays: ['2026-12-26'] }), before);
  });
});
