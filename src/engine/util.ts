/** How messages and reports name an object and a place. */
import type {ObjectRef, Position} from './types.js'

/** `Kind namespace/name`, or `Kind name` for cluster-scoped kinds: how messages and reports name an object (a Resource or an ObjectRef). */
export function objectName(ref: Pick<ObjectRef, 'kind' | 'name'> & {namespace?: string}): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`
}

/** Where something is, as messages say it: `file:line:col` with the file as given, else the object's name, else ''. */
export function whereText(where: {file?: string; start?: Position; object?: ObjectRef}): string {
  if (where.file !== undefined) return where.start ? `${where.file}:${where.start.line}:${where.start.column}` : where.file
  return where.object ? objectName(where.object) : ''
}
