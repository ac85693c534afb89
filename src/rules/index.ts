import type { Rule } from './types';

/**
 * Every review rule, in the order the docs list them. Schema and YAML syntax
 * problems are not rules here: they come from the core (`schema`, `yaml-syntax`).
 */
export const RULES: readonly Rule[] = [];
