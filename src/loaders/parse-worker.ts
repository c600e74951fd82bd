/**
 * A parsing thread (see `threads.ts`): takes files from the end of the list
 * (the main thread takes them from the start), parses each and sends the
 * result back as bytes, until it meets the files the main thread took or
 * the start of those it was given.
 */
import {parentPort, workerData} from 'node:worker_threads'
import type {Limits} from '../engine/types.js'
import {parseText} from './parse.js'
import {encodeParsed} from './parsed-bytes.js'

/** What a parsing thread is started with. */
export interface ParseWorkerData {
  /** The texts of the files from `first` on: the ones the workers may take (each worker holds a copy). */
  texts: string[]
  json: boolean[]
  first: number
  limits: Limits
  /**
   * Shared by every thread (Int32Array over a SharedArrayBuffer): [0] the next
   * file from the start, which the main thread takes; [1] the last file from
   * the end not yet taken, which the workers take. A file is taken by
   * moving a counter past it, then checking that the other has not passed it.
   */
  next: Int32Array
}

/** A parsing thread's messages: one file's result, or that it is done. */
export type ParseWorkerMessage = {index: number; bytes: Uint8Array} | {done: true}

if (parentPort) {
  const {texts, json, first, limits, next} = workerData as ParseWorkerData
  for (let i = Atomics.sub(next, 1, 1); i >= first && i >= Atomics.load(next, 0); i = Atomics.sub(next, 1, 1)) {
    const bytes = encodeParsed(parseText(texts[i - first]!, json[i - first]!, limits))
    // The buffer moves to the main thread rather than being copied, when the bytes fill it.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    parentPort.postMessage({index: i, bytes} satisfies ParseWorkerMessage, own ? [bytes.buffer as ArrayBuffer] : [])
  }

  parentPort.postMessage({done: true} satisfies ParseWorkerMessage)
}
