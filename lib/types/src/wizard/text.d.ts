/** Wrapping prose for YAML comments and the terminal. */
/**
 * Wraps each paragraph (line) of `text` at `width` columns. A paragraph that
 * starts with `- ` or spaces continues under its first word.
 */
export declare function wrap(text: string, width: number): string[];
