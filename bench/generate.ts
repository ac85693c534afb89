/**
 * Valid post-mortems of any size for the benchmarks: the complete fixture's
 * sections with a timeline of N entries, one minute apart, that passes the
 * schema and the review rules (milestones in order, no gaps, no blame).
 */

const START_MS = Date.UTC(2026, 2, 2, 14, 0, 0); // Monday 2026-03-02 14:00Z

function isoMinute(minutes: number): string {
  return new Date(START_MS + minutes * 60_000).toISOString().replace('.000Z', 'Z');
}

const MILESTONES = ['alert', 'notified', 'investigating', 'root-cause', 'fix-deployed'] as const;

/** The kind of entry `i` of `count`: trigger first, resolved last, the milestones early, notes between. */
function kindAt(i: number, count: number): string {
  if (i === 0) return 'trigger';
  if (i === count - 1) return 'resolved';
  if (i <= MILESTONES.length && i < count - 1) return MILESTONES[i - 1];
  return 'note';
}

/** A complete, valid post-mortem whose timeline has `entries` entries (at least 2). */
export function generatePostmortem(entries: number): string {
  const count = Math.max(2, entries);
  const timeline: string[] = [];
  for (let i = 0; i < count; i++) {
    timeline.push(
      `  - at: ${isoMinute(i)}`,
      `    event: Checkout p99 latency measured at ${1000 + (i % 900)} ms on pod checkout-api-${i % 40} during step ${i}`,
      `    kind: ${kindAt(i, count)}`,
    );
    if (i % 10 === 0) timeline.push(`    source: https://grafana.example.com/d/checkout?from=${i}`);
  }
  const end = isoMinute(count - 1);
  return `id: INC-2026-03-02-001
title: Checkout latency after the payment-token cache release
status: reviewed
authors: [Marta Kowalski, Daniel Okafor]
reviewed: 2026-03-04
industry: saas
services: [checkout-api, payments-gateway]

summary:
  start: ${isoMinute(0)}
  end: ${end}
  severity: SEV-2
  impact:
    users_affected: 18400
    sla_breached: false
  detection:
    method: monitoring
    first_alert: ${isoMinute(1)}
  description: |
    Checkout pages took up to eight seconds to respond after a release of
    checkout-api added a cache for payment tokens.

timeline:
${timeline.join('\n')}

root_cause:
  whys:
    - Checkout requests waited up to eight seconds for a response.
    - The new payment-token cache serialized every request behind one global lock.
    - The load test of the release ran with a single concurrent user.
    - The release checklist does not require a concurrency test for changes on the checkout path.
    - The organization has no performance budget for checkout, so no pipeline stage checks for contention.
  category: testing

contributing_factors:
  monitoring: { score: 1 }
  testing: { score: 3, notes: The load test used one concurrent user and could not show lock contention }
  documentation: { score: 0 }
  process: { score: 2, notes: The release checklist has no concurrency step for the checkout path }
  knowledge_concentration: { score: 0 }
  capacity: { score: 0 }
  third_party: { score: 0 }
  communication: { score: 1 }
  change_management: { score: 2, notes: The cache shipped to all pods at once instead of behind a flag }
  technical_debt: { score: 1 }

went_well:
  - The latency alert fired one minute after the impact began.
  - The rollback took twelve minutes from decision to the last pod.
  - The status page was updated within ten minutes of the page.

action_items:
  - action: Create an alert on checkout p99 latency above 500 ms for three minutes
    owner: Marta Kowalski
    deadline: 2026-03-05
    priority: P0
    status: done
    type: detect
  - action: Add a load-test stage with 200 concurrent users to the checkout-api pipeline
    owner: Team Checkout
    deadline: 2026-03-11
    priority: P1
    status: done
    type: prevent

recurrence_prevention:
  monitoring: true
  runbook: true
  tests: true
  architecture_change: false
  training: false

cost:
  currency: USD
  revenue_lost: 0
  vendor_costs: 350
  engineering_hours: 36
  loaded_rate: 140

regulatory:
  - regime: SOC2
    discovered: ${isoMinute(1)}
    notified: 2026-03-03
`;
}

/**
 * One-character edits of a generated document, each different from every
 * earlier one (a different event text, a different letter), as a person typing
 * would produce: nothing downstream can reuse a previous result.
 */
export class EventTextEditor {
  private readonly eventOffsets: number[] = [];
  private iteration = 0;

  constructor(private text: string) {
    const re = /\n    event: /g;
    for (let m = re.exec(text); m; m = re.exec(text)) this.eventOffsets.push(m.index + m[0].length);
  }

  /** The text after the next edit: one letter of one event replaced. */
  next(): string {
    const i = this.iteration++;
    const offset = this.eventOffsets[(i * 7919) % this.eventOffsets.length] + 3; // inside "Checkout"
    const letter = String.fromCharCode(97 + (i % 26));
    this.text = this.text.slice(0, offset) + letter + this.text.slice(offset + 1);
    return this.text;
  }
}
