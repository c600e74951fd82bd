/**
 * The rule catalogue: every module in `rules/`, one rule each, named after its id.
 * There is no list to keep in step: adding `rules/<id>.ts` adds the rule.
 */
import type { Rule } from './rule.js';
/** All rules, sorted by id. */
export declare function loadRules(): Promise<readonly Rule[]>;
