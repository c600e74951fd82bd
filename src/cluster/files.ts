/** Reading the files a kubeconfig names (and the kubeconfig itself): regular files only, of a bounded size, never blocking on a FIFO or a device. */
import {isUnreadable, readFileBounded} from '../util/bytes.js'
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
  let read: ReturnType<typeof readFileBounded>
  try {
    // Regular files only: a FIFO is opened without waiting for a writer, and refused.
    read = readFileBounded(file, {bytes: max, name: 'size limit'}, file, {regularOnly: true})
  } catch (error) {
    const code = String((error as {code?: unknown}).code ?? '')
    throw new ClusterError(`${what} ${file}: ${PROBLEMS[code] ?? (error as Error).message}`)
  }

  if (!isUnreadable(read)) return read
  if (read.reason === 'size') throw new ClusterError(`${what} ${file} is larger than ${max / 1024 / 1024} MiB: not read`)
  throw new ClusterError(`${what} ${file} is not a regular file`)
}
