import type { Limits } from '../engine/types.js';
/** What a parsing thread is started with. */
export interface ParseWorkerData {
    texts: string[];
    json: boolean[];
    limits: Limits;
    /** The index of the next file to parse, shared by every thread (Int32Array over a SharedArrayBuffer). */
    next: Int32Array;
}
/** A parsing thread's messages: one file's result, or that it is done. */
export type ParseWorkerMessage = {
    index: number;
    bytes: Uint8Array;
} | {
    done: true;
};
