import type { Rule } from './rule.js';
/** All rules, sorted by id. */
export declare function loadRules(): Promise<readonly Rule[]>;
export interface RuleProse {
    rationale: string;
    remediation: string;
}
/**
 * A rule's prose from `rules/<id>.md`: the paragraphs under `## Why` and
 * `## How to fix`. Empty strings when the file or a section is missing (the
 * meta test fails for such a rule).
 */
export declare function ruleProse(id: string, root?: string): RuleProse;
