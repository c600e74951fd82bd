/**
 * Bytes in, text out, bounded: files, pipes and standard input are read up
 * to a size limit and never past it, and what is not UTF-8 text (binary,
 * UTF-16, invalid bytes) is refused with the reason and where it shows.
 * Every file k8s-net reads for a user (manifests, the config file, wizard
 * answers) is read through here; it sits below every layer for that.
 */
import {closeSync, constants as fsConstants, fstatSync, openSync, readSync} from 'node:fs'
import {constants as bufferConstants, isUtf8} from 'node:buffer'

/** A 1-based line and column. */
interface Position {
  line: number
  column: number
}

/** Input that is not read: too big, binary, not UTF-8 or not a file; `at` is where that shows. */
export interface Unreadable {
  problem: string
  at?: Position
  /** Why, for callers that word it their own way: too many bytes, or not a regular file (a folder, a device). */
  reason?: 'size' | 'type'
}

/** A size limit and the name it goes by in messages. */
export interface ByteLimit {
  bytes: number
  name: string
}

/**
 * The most bytes that can become one string in this runtime (V8: 2^29 - 24
 * characters; a UTF-8 byte never makes more than one). A larger limit cannot
 * be honoured: reading such a file would crash, not report.
 */
export const MAX_TEXT_BYTES = bufferConstants.MAX_STRING_LENGTH

/** The limit for manifests and standard input: `limits.maxFileBytes`, clamped to what the runtime can hold. */
export function fileLimit(maxFileBytes: number): ByteLimit {
  if (maxFileBytes <= MAX_TEXT_BYTES) return {bytes: maxFileBytes, name: 'limits.maxFileBytes'}
  return {bytes: MAX_TEXT_BYTES, name: `the most one text can hold in this runtime; limits.maxFileBytes is set to ${maxFileBytes}`}
}

export const isUnreadable = (value: unknown): value is Unreadable => typeof value === 'object' && value !== null && 'problem' in value

/**
 * Reads a file up to a limit: a regular file over it is not read at all (its
 * size is checked first); a pipe or a device (`<(helm template .)`,
 * `/dev/stdin`) is read until it ends or passes the limit. With
 * `regularOnly`, anything but a regular file is refused without waiting on it
 * (a FIFO is opened without blocking). Throws what `open` throws (no such
 * file, no permission) for the caller to word.
 */
export function readFileBounded(file: string, limit: ByteLimit, what: string, options: {regularOnly?: boolean} = {}): Buffer | Unreadable {
  const fd = openSync(file, options.regularOnly ? fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0) : 'r')
  try {
    const info = fstatSync(fd)
    if (info.isFile()) {
      if (info.size > limit.bytes) return overLimit(what, limit, info.size)
      const buffer = Buffer.allocUnsafe(info.size)
      let n = 0
      while (n < info.size) {
        const read = readSync(fd, buffer, n, info.size - n, n)
        if (read === 0) break
        n += read
      }

      return n === info.size ? buffer : buffer.subarray(0, n)
    }

    if (info.isDirectory()) return {problem: `${what} is a directory: not read`, reason: 'type'}
    if (options.regularOnly || (!info.isFIFO() && !info.isCharacterDevice())) return {problem: `${what} is not a regular file: not read`, reason: 'type'}
    const parts: Buffer[] = []
    let total = 0
    for (;;) {
      const part = Buffer.allocUnsafe(64 * 1024)
      const read = readSync(fd, part, 0, part.length, null)
      if (read === 0) break
      parts.push(part.subarray(0, read))
      total += read
      if (total > limit.bytes) return overLimit(what, limit)
    }

    return Buffer.concat(parts, total)
  } finally {
    closeSync(fd)
  }
}

/** Reads a stream (standard input) until it ends or holds more than `maxBytes`: a stream that never ends is not read forever. */
export async function readStreamBounded(stream: AsyncIterable<Buffer | string>, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = []
  let total = 0
  for await (const chunk of stream) {
    const part = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    parts.push(part)
    total += part.length
    // Leaving the loop ends the stream: the bytes past the limit are never read.
    if (total > maxBytes) break
  }

  return Buffer.concat(parts, total)
}

/** Over the limit: with the size when it is known (a file), without when reading stopped at the limit (a pipe). */
export function overLimit(what: string, limit: ByteLimit, size?: number): Unreadable {
  if (size === undefined) return {problem: `${what} is over the limit of ${limit.bytes} bytes (${limit.name}): not read`, reason: 'size'}
  return {problem: `${what} is ${size} bytes, over the limit of ${limit.bytes} (${limit.name}): not read`, reason: 'size'}
}

/** Bytes to text, refusing what is not text: too many bytes, UTF-16 or UTF-32, NUL bytes, invalid UTF-8. A UTF-8 byte-order mark is dropped. */
export function decodeText(buffer: Buffer, limit: ByteLimit, what: string): string | Unreadable {
  if (buffer.length > limit.bytes) return overLimit(what, limit)
  const wide = wideEncoding(buffer)
  if (wide) return {problem: `${what} is ${wide} text, not UTF-8: convert it to UTF-8 (iconv -f ${wide} -t UTF-8): not read`}
  const nul = buffer.subarray(0, 8192).indexOf(0)
  if (nul !== -1) return {problem: `binary ${what} (it holds NUL bytes), not YAML or JSON: not read`}
  if (!isUtf8(buffer)) {
    const bad = firstBadByte(buffer)
    const at = bytePosition(buffer, bad)
    return {problem: `${what} is not valid UTF-8 (byte 0x${buffer[bad]!.toString(16).padStart(2, '0')} at line ${at.line}, column ${at.column}): not read`, at}
  }

  return stripBom(buffer.toString('utf8'))
}

/**
 * UTF-16 or UTF-32, as Windows tools write them (PowerShell's `>` writes
 * UTF-16): by the byte-order mark, or, without one, by ASCII text with a NUL
 * beside every character.
 */
function wideEncoding(buffer: Buffer): string | undefined {
  const [a, b, c, d] = buffer
  if (a === 0xff && b === 0xfe) return c === 0 && d === 0 ? 'UTF-32LE' : 'UTF-16LE'
  if (a === 0xfe && b === 0xff) return 'UTF-16BE'
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32BE'
  const head = buffer.subarray(0, Math.min(buffer.length, 64) & ~1)
  if (head.length < 4) return undefined
  const asciiAt = (offset: number): boolean => {
    for (let i = 0; i < head.length; i += 2) {
      const ch = head[i + offset]!
      const other = head[i + 1 - offset]!
      if (other !== 0 || ch === 0 || ch > 0x7e) return false
    }

    return true
  }

  if (asciiAt(0)) return 'UTF-16LE'
  if (asciiAt(1)) return 'UTF-16BE'
  return undefined
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfe_ff ? text.slice(1) : text
}

/** Offset of the first byte that does not belong to a valid UTF-8 sequence. */
export function firstBadByte(buffer: Uint8Array): number {
  let i = 0
  while (i < buffer.length) {
    const b = buffer[i]!
    if (b < 0x80) {
      i++
      continue
    }

    // Length of the sequence and the range its second byte must fall in (no overlong forms, no surrogates, nothing past U+10FFFF).
    let n: number
    let lo = 0x80
    let hi = 0xbf
    if (b >= 0xc2 && b <= 0xdf) n = 2
    else if (b >= 0xe0 && b <= 0xef) {
      n = 3
      if (b === 0xe0) lo = 0xa0
      if (b === 0xed) hi = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 4
      if (b === 0xf0) lo = 0x90
      if (b === 0xf4) hi = 0x8f
    } else return i

    for (let k = 1; k < n; k++) {
      const c = buffer[i + k]
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i
    }

    i += n
  }

  return buffer.length
}

/** The 1-based line and column (in characters) of a byte offset, everything before it being valid UTF-8. */
function bytePosition(buffer: Buffer, offset: number): Position {
  // lastIndexOf with -1 would search from the end: a bad first byte is on line 1.
  let lineStart = offset === 0 ? 0 : buffer.lastIndexOf(0x0a, offset - 1) + 1
  let line = 1
  for (let i = buffer.indexOf(0x0a); i !== -1 && i < lineStart; i = buffer.indexOf(0x0a, i + 1)) line++
  // A byte-order mark at the start of the file is not a column.
  if (lineStart === 0 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) lineStart = 3
  return {line, column: buffer.toString('utf8', lineStart, Math.max(lineStart, offset)).length + 1}
}
