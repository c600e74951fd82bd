/**
 * The reference the locator tests compare with: a path followed in a full
 * parse with `yaml`, its own way. Mappings by key (the last of repeated keys,
 * merge keys included), lists by index, aliases to their anchors; a path that
 * goes further than the document ends at the deepest node there is (the key,
 * for `key:` with no value); a range ends at its last character that is not
 * white space, and a collection's with its last value (not a comment after it).
 */
import type {Document, LineCounter, Node as YamlNode} from 'yaml'
import type {ObjectPath, Range} from '../../src/engine/types.js'
import type {YamlModule} from '../../src/util/yaml.js'

/** The node a path leads to in a document, following the reference's rules. */
export function follow(yaml: YamlModule, doc: Document.Parsed, path: ObjectPath): YamlNode | undefined {
  const lookup = (map: unknown, key: string): {key: unknown; value: unknown} | undefined => {
    if (yaml.isAlias(map)) map = map.resolve(doc)
    if (!yaml.isMap(map)) return undefined
    const own = map.items.findLast((p) => yaml.isScalar(p.key) && String(p.key.value) === key && String(p.key.value) !== '<<')
    if (own) return own
    // Merge keys: the maps merged in, the first one that has the key wins.
    for (const pair of map.items) {
      if (!(yaml.isScalar(pair.key) && pair.key.value === '<<')) continue
      const sources = yaml.isSeq(pair.value) ? pair.value.items : [pair.value]
      for (const source of sources) {
        const found = lookup(source, key)
        if (found) return found
      }
    }

    return undefined
  }

  // Recursively: one step, then the rest of the path from there; a step that leads nowhere ends the walk where it is.
  const step = (at: unknown, rest: ObjectPath): unknown => {
    // A path that ends at an alias ends there, where the finding is written; one that goes on goes on from the anchor.
    if (rest.length === 0) return at
    const here = yaml.isAlias(at) ? at.resolve(doc) : at
    const [segment, ...more] = rest
    if (yaml.isSeq(here)) return typeof segment === 'number' && here.items[segment] !== undefined ? step(here.items[segment], more) : here
    const pair = yaml.isMap(here) ? lookup(here, String(segment)) : undefined
    if (!pair) return here
    return pair.value === null || pair.value === undefined ? pair.key : step(pair.value, more)
  }

  const node = step(doc.contents, path)
  return yaml.isNode(node) ? node : undefined
}

/** Where a block collection's last value ends, before a comment on its line that `yaml` counts into the collection. */
function lastValueEnd(node: YamlNode): number | undefined {
  const items = (node as {items?: unknown[]; flow?: boolean}).items
  if (!Array.isArray(items) || (node as {flow?: boolean}).flow) return undefined
  // A mapping's item is a pair (its value, or its key for `key:` with none); a list's is the node itself.
  const last = items.at(-1) as {value?: unknown; key?: unknown; range?: unknown} | undefined
  const value = (last && last.range === undefined && 'key' in last ? (last.value ?? last.key) : last) as YamlNode | undefined
  if (!value?.range) return undefined
  return lastValueEnd(value) ?? value.range[1]
}

/** The offsets a located node spans: from its start to its last character that is not space, a collection's to its last value. */
export function referenceOffsets(text: string, node: YamlNode | undefined): {start: number; end: number} | undefined {
  if (!node?.range) return undefined
  const [start, valueEnd] = node.range
  let end = valueEnd
  // `key: value # comment` as a collection's last line: the comment is not content.
  const inner = lastValueEnd(node)
  if (inner !== undefined && /^[ \t]+#[^\n]*\s*$/.test(text.slice(inner, valueEnd))) end = inner
  while (end > start + 1 && /\s/.test(text[end - 1] ?? '')) end--
  return {start, end}
}

export function referenceRange(text: string, lines: LineCounter, node: YamlNode | undefined): Range | undefined {
  const offsets = referenceOffsets(text, node)
  if (!offsets) return undefined
  const at = (offset: number): {line: number; column: number} => {
    const {line, col} = lines.linePos(offset)
    return {line, column: col}
  }

  return {start: at(offsets.start), end: at(offsets.end)}
}
