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
