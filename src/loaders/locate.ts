/**
 * Turning a path inside an object into a source range, lazily.
 *
 * The fast parse keeps no positions. When a finding is reported, its
 * document alone is parsed again with `yaml` (which keeps source ranges) and
 * the path is followed there. Documents without findings never pay for it.
 */
import type {Document, Node as YamlNode} from 'yaml'
import type {ObjectPath, Range} from '../engine/types.js'
import {type DocumentChunk, positionIn} from './documents.js'

type YamlModule = typeof import('yaml')
let yamlModule: Promise<YamlModule> | undefined
const loadYaml = (): Promise<YamlModule> => (yamlModule ??= import('yaml'))

interface Parsed {
  doc: Document.Parsed
  yaml: YamlModule
}

/** Resolves paths to ranges in the documents of one file. */
export class FileLocator {
  private readonly parsed = new Map<number, Promise<Parsed>>()

  constructor(private readonly chunks: readonly DocumentChunk[]) {}

  /**
   * The range of the node at `path` in document `index`; when the path goes
   * further than the document (a key that is missing), the range of the
   * deepest node that exists.
   */
  async locate(index: number, path: ObjectPath): Promise<Range | undefined> {
    const chunk = this.chunks[index]
    if (!chunk) return undefined
    let entry = this.parsed.get(index)
    if (!entry) {
      entry = loadYaml().then((yaml) => ({
        // Positions only: no alias budget or custom tags matter here, the fast parse already judged the document.
        doc: yaml.parseDocument(chunk.text, {uniqueKeys: false, strict: false}),
        yaml,
      }))
      this.parsed.set(index, entry)
    }

    const {doc, yaml} = await entry
    const node = follow(doc, yaml, path)
    const range = node?.range
    if (!range) return undefined
    // A block collection's range runs on over the line break after it: end at its last character.
    let end = range[1]
    while (end > range[0] + 1 && /\s/.test(chunk.text[end - 1] ?? '')) end--
    return {start: positionIn(chunk, range[0]), end: positionIn(chunk, end)}
  }
}

function follow(doc: Document.Parsed, yaml: YamlModule, path: ObjectPath): YamlNode | undefined {
  let node: unknown = doc.contents
  for (const segment of path) {
    if (yaml.isAlias(node)) node = node.resolve(doc)
    if (yaml.isMap(node)) {
      const pair = node.items.find((p) => keyOf(yaml, p.key) === String(segment))
      if (!pair) break
      if (pair.value === null || pair.value === undefined) {
        // `key:` with nothing after it: point at the key.
        node = pair.key
        break
      }

      node = pair.value
    } else if (yaml.isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      node = node.items[segment]
    } else {
      break
    }
  }

  return yaml.isNode(node) ? node : undefined
}

function keyOf(yaml: YamlModule, key: unknown): string | undefined {
  if (yaml.isScalar(key)) return String(key.value)
  return typeof key === 'string' ? key : undefined
}
