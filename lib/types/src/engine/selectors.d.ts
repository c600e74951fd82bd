export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
export interface Requirement {
    key: string;
    operator: Operator;
    values: readonly string[];
}
/** A parsed selector: every requirement must hold. */
export interface Selector {
    requirements: readonly Requirement[];
}
export type SelectorParse = {
    ok: true;
    selector: Selector;
} | {
    ok: false;
    error: string;
};
/** Parses a `LabelSelector` (`{matchLabels, matchExpressions}`). */
export declare function parseLabelSelector(value: unknown): SelectorParse;
/** Parses a plain `key: value` map selector (a Service's `spec.selector`, `matchLabels`). */
export declare function parseMatchLabels(value: unknown): SelectorParse;
/** Whether the labels satisfy every requirement of the selector. */
export declare function matches(selector: Selector, labels: Readonly<Record<string, string>>): boolean;
/** Renders a selector the way kubectl prints one: `app=web,tier in (a,b),!legacy`. */
export declare function formatSelector(selector: Selector): string;
