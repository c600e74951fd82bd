import type { Formatter } from './types.js';
export declare const junit: Formatter;
/** Character data: markup characters escaped, impossible characters replaced. */
export declare function text(value: string): string;
/** An attribute value in double quotes: also quotes, and line breaks and tabs kept as references (a parser would fold them to spaces). */
export declare function attr(value: string): string;
