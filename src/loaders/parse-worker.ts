/**
 * A parsing thread (see `threads.ts`): takes the next file's index from the
 * counter it shares with the other threads, parses that file and sends the
 * result back as bytes, until no file is left.
 */
import {parentPort, workerData} from 'node:worker_threads'
import type {Limits} from '../engine/types.js'
import {parseText} from './parse.js'
import {encodeParsed} from './parsed-bytes.js'

/** What a parsing thread is started with. */
export interface ParseWorkerData {
  texts: string[]
  json: boolean[]
  limits: Limits
  /** The index of the next file to parse, shared by every thread (Int32Array over a SharedArrayBuffer). */
  next: Int32Array
}

/** A parsing thread's messages: one file's result, or that it is done. */
export type ParseWorkerMessage = {index: number; bytes: Uint8Array} | {done: true}

if (parentPort) {
  const {texts, json, limits, next} = workerData as ParseWorkerData
  for (let i = Atomics.add(next, 0, 1); i < texts.length; i = Atomics.add(next, 0, 1)) {
    const bytes = encodeParsed(parseText(texts[i]!, json[i]!, limits))
    // The buffer moves to the main thread rather than being copied, when the bytes fill it.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    parentPort.postMessage({index: i, bytes} satisfies ParseWorkerMessage, own ? [bytes.buffer as ArrayBuffer] : [])
  }

  parentPort.postMessage({done: true} satisfies ParseWorkerMessage)
}
