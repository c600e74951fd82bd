import type { Formatter } from './types.js';
export type { FormatOptions, Formatter } from './types.js';
/** Every output format by name. */
export declare const FORMATTERS: {
    stylish: Formatter;
    json: Formatter;
    sarif: Formatter;
    junit: Formatter;
    github: Formatter;
};
export type FormatName = keyof typeof FORMATTERS;
export declare const FORMAT_NAMES: FormatName[];
/** The formats that show a finding's fix: a run with none of them need not write fixes (see LocateOptions). */
export declare const FORMATS_WITH_FIXES: ReadonlySet<FormatName>;
