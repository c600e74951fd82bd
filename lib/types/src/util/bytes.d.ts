/** A 1-based line and column. */
interface Position {
    line: number;
    column: number;
}
/** Input that is not read: too big, binary, not UTF-8 or not a file; `at` is where that shows. */
export interface Unreadable {
    problem: string;
    at?: Position;
    /** Why, for callers that word it their own way: too many bytes, or not a regular file (a folder, a device). */
    reason?: 'size' | 'type';
}
/** A size limit and the name it goes by in messages. */
export interface ByteLimit {
    bytes: number;
    name: string;
}
/**
 * The most bytes that can become one string in this runtime (V8: 2^29 - 24
 * characters; a UTF-8 byte never makes more than one). A larger limit cannot
 * be honoured: reading such a file would crash, not report.
 */
export declare const MAX_TEXT_BYTES: number;
/** The limit for manifests and standard input: `limits.maxFileBytes`, clamped to what the runtime can hold. */
export declare function fileLimit(maxFileBytes: number): ByteLimit;
export declare const isUnreadable: (value: unknown) => value is Unreadable;
/**
 * Reads a file up to a limit: a regular file over it is not read at all (its
 * size is checked first); a pipe or a device (`<(helm template .)`,
 * `/dev/stdin`) is read until it ends or passes the limit. With
 * `regularOnly`, anything but a regular file is refused without waiting on it
 * (a FIFO is opened without blocking). Throws what `open` throws (no such
 * file, no permission) for the caller to word.
 */
export declare function readFileBounded(file: string, limit: ByteLimit, what: string, options?: {
    regularOnly?: boolean;
}): Buffer | Unreadable;
/** Reads a stream (standard input) until it ends or holds more than `maxBytes`: a stream that never ends is not read forever. */
export declare function readStreamBounded(stream: AsyncIterable<Buffer | string>, maxBytes: number): Promise<Buffer>;
/** Over the limit: with the size when it is known (a file), without when reading stopped at the limit (a pipe). */
export declare function overLimit(what: string, limit: ByteLimit, size?: number): Unreadable;
/** Bytes to text, refusing what is not text: too many bytes, UTF-16 or UTF-32, NUL bytes, invalid UTF-8. A UTF-8 byte-order mark is dropped. */
export declare function decodeText(buffer: Buffer, limit: ByteLimit, what: string): string | Unreadable;
export declare function stripBom(text: string): string;
/** Offset of the first byte that does not belong to a valid UTF-8 sequence. */
export declare function firstBadByte(buffer: Uint8Array): number;
export {};
