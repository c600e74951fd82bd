/** Reading the files a kubeconfig names (and the kubeconfig itself): regular files only, of a bounded size, never blocking on a FIFO or a device. */
import {closeSync, constants, fstatSync, openSync, readSync} from 'node:fs'
import {ClusterError} from './errors.js'

/** Largest kubeconfig read: far above any real one (embedded certificates included). */
export const MAX_KUBECONFIG_BYTES = 16 * 1024 * 1024
/** Largest certificate, key or token file read. */
export const MAX_CREDENTIAL_FILE_BYTES = 1024 * 1024

const PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a folder',
  ELOOP: 'too many symbolic links',
  ENOTDIR: 'a part of the path is not a folder',
}

/** The bytes of a regular file of at most `max` bytes; a ClusterError naming `what` otherwise. */
export function readLimited(file: string, what: string, max: number): Buffer {
  let fd: number
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    const code = String((error as {code?: unknown}).code ?? '')
    throw new ClusterError(`${what} ${file}: ${PROBLEMS[code] ?? (error as Error).message}`)
  }

  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) throw new ClusterError(`${what} ${file} is not a regular file`)
    if (stat.size > max) throw new ClusterError(`${what} ${file} is larger than ${max / 1024 / 1024} MiB (${stat.size} bytes): not read`)
    const buffer = Buffer.alloc(stat.size)
    let read = 0
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read)
      if (n === 0) break
      read += n
    }

    return buffer.subarray(0, read)
  } catch (error) {
    if (error instanceof ClusterError) throw error
    throw new ClusterError(`${what} ${file}: ${(error as Error).message}`)
  } finally {
    closeSync(fd)
  }
}
