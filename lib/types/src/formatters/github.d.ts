import type { Formatter } from './types.js';
export declare const github: Formatter;
/** The message of a workflow command: `%`, CR and LF escaped as GitHub reads them, other control characters as `escapeControl` shows them. */
export declare function escapeData(value: string): string;
/** A property value of a workflow command: as data, and `:` and `,` too. */
export declare function escapeProperty(value: string): string;
