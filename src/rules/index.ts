import type { Rule } from './types';
import { blameNamedIndividual } from './blame-named-individual';
import { whysPersonRoot } from './whys-person-root';
import { actionOwnerMissing } from './action-owner-missing';
import { actionDeadlineMissing } from './action-deadline-missing';
import { actionDeadlineWindow } from './action-deadline-window';
import { actionOverdue } from './action-overdue';
import { actionWontDoReason } from './action-wont-do-reason';
import { actionVague } from './action-vague';
import { timelineOrder } from './timeline-order';
import { timelineMilestones } from './timeline-milestones';
import { timelineGranularity } from './timeline-granularity';
import { detectionMismatch } from './detection-mismatch';
import { severityImpact } from './severity-impact';
import { whysCount } from './whys-count';
import { factorsComplete } from './factors-complete';
import { wentWellCount } from './went-well-count';
import { rfcRequired } from './rfc-required';
import { regulatoryDeadlineRule } from './regulatory-deadline';
import { duplicateId } from './duplicate-id';
import { repeatIncident } from './repeat-incident';

/**
 * Every review rule, in the order the docs list them. Schema and YAML syntax
 * problems are not rules here: they come from the core (`schema`, `yaml-syntax`).
 * The README's rule table is generated from this list (`npm run docs:rules`).
 */
export const RULES: readonly Rule[] = [
  // Blameless language
  blameNamedIndividual,
  whysPersonRoot,
  // Action items
  actionOwnerMissing,
  actionDeadlineMissing,
  actionDeadlineWindow,
  actionOverdue,
  actionWontDoReason,
  actionVague,
  // Timeline and summary
  timelineOrder,
  timelineMilestones,
  timelineGranularity,
  detectionMismatch,
  severityImpact,
  // Analysis
  whysCount,
  factorsComplete,
  wentWellCount,
  rfcRequired,
  regulatoryDeadlineRule,
  // Across files of the workspace
  duplicateId,
  repeatIncident,
];

/** Slugs the core itself reports, which settings may also turn off or re-level (`unused-suppression`: src/core/suppressions.ts). */
export const CORE_SLUGS = ['yaml-syntax', 'schema', 'unused-suppression'] as const;
