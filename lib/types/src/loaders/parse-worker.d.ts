import type { Limits } from '../engine/types.js';
/** What a parsing thread is started with. */
export interface ParseWorkerData {
    /** The texts of the files from `first` on: the ones the workers may take (each worker holds a copy). */
    texts: string[];
    json: boolean[];
    first: number;
    limits: Limits;
    /**
     * Shared by every thread (Int32Array over a SharedArrayBuffer): [0] the next
     * file from the start, which the main thread takes; [1] the last file from
     * the end not yet taken, which the workers take. A file is taken by
     * moving a counter past it, then checking that the other has not passed it.
     */
    next: Int32Array;
}
/** A parsing thread's messages: one file's result, or that it is done. */
export type ParseWorkerMessage = {
    index: number;
    bytes: Uint8Array;
} | {
    done: true;
};
