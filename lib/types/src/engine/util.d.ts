/** How messages and reports name an object and a place. */
import type { ObjectRef, Position } from './types.js';
/** `Kind namespace/name`, or `Kind name` for cluster-scoped kinds: how messages and reports name an object (a Resource or an ObjectRef). */
export declare function objectName(ref: Pick<ObjectRef, 'kind' | 'name'> & {
    namespace?: string;
}): string;
/** Where something is, as messages say it: `file:line:col` with the file as given, else the object's name, else ''. */
export declare function whereText(where: {
    file?: string;
    start?: Position;
    object?: ObjectRef;
}): string;
