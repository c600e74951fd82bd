/** A DNS label (RFC 1123): lower-case letters, digits and `-`, at most 63 characters. */
export declare const isDnsLabel: (value: unknown) => value is string;
/** A DNS subdomain (RFC 1123): DNS labels joined by `.`, at most 253 characters. */
export declare const isDnsSubdomain: (value: unknown) => value is string;
/** A name quoted for a message, control characters escaped and cut short: it may come from a hostile server. */
export declare function quoted(value: unknown): string;
