/**
 * A small, strict XML 1.0 reader for tests: it throws on anything that is not
 * well-formed (unbalanced or misnested tags, unquoted or repeated attributes,
 * a raw `<` or stray `&`, an unknown entity, a character XML cannot hold, more
 * than one root) and returns the element tree with entities decoded and
 * attribute values normalised as a conforming parser does (raw tabs and line
 * breaks become spaces; character references keep them).
 */
export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  /** The element's own character data, decoded. */
  text: string
}

const NAME = /^[A-Za-z_:][\w.:-]*/
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"}

function legalCodePoint(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7_ff) || (cp >= 0xe0_00 && cp <= 0xff_fd) || (cp >= 0x1_00_00 && cp <= 0x10_ff_ff)
}

function decode(raw: string, where: string): string {
  if (raw.includes('<')) throw new Error(`raw < in ${where}`)
  return raw.replaceAll(/&([^;]*);?/g, (match, ref: string) => {
    if (!match.endsWith(';')) throw new Error(`unterminated reference ${JSON.stringify(match.slice(0, 12))} in ${where}`)
    if (ref in ENTITIES) return ENTITIES[ref]!
    const m = /^#(?:x([0-9A-Fa-f]+)|(\d+))$/.exec(ref)
    if (!m) throw new Error(`unknown entity &${ref}; in ${where}`)
    const cp = m[1] ? Number.parseInt(m[1], 16) : Number(m[2])
    if (!legalCodePoint(cp)) throw new Error(`reference to a character XML cannot hold (&${ref};) in ${where}`)
    return String.fromCodePoint(cp)
  })
}

export function parseXml(xml: string): XmlElement {
  const illegal = ILLEGAL.exec(xml)
  if (illegal) throw new Error(`character U+${illegal[0].codePointAt(0)!.toString(16)} is not allowed in XML, at offset ${illegal.index}`)
  let i = 0
  const text = xml.replaceAll('\r\n', '\n')
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>')
    if (end === -1) throw new Error('unterminated XML declaration')
    if (!/^<\?xml version="1\.[01]"( encoding="[\w-]+")?( standalone="(yes|no)")?\s*\?>$/.test(text.slice(0, end + 2))) throw new Error('malformed XML declaration')
    i = end + 2
  }

  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  while (i < text.length) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4)
      if (end === -1) throw new Error('unterminated comment')
      i = end + 3
      continue
    }

    if (text[i] === '<') {
      if (text[i + 1] === '/') {
        const m = NAME.exec(text.slice(i + 2))
        if (!m) throw new Error(`bad closing tag at offset ${i}`)
        const after = i + 2 + m[0].length
        const close = /^\s*>/.exec(text.slice(after))
        if (!close) throw new Error(`bad closing tag </${m[0]} at offset ${i}`)
        const open = stack.pop()
        if (!open || open.name !== m[0]) throw new Error(`</${m[0]}> closes ${open ? `<${open.name}>` : 'nothing'} at offset ${i}`)
        i = after + close[0].length
        continue
      }

      const m = NAME.exec(text.slice(i + 1))
      if (!m) throw new Error(`bad tag at offset ${i}: ${JSON.stringify(text.slice(i, i + 20))}`)
      const element: XmlElement = {name: m[0], attributes: {}, children: [], text: ''}
      let j = i + 1 + m[0].length
      for (;;) {
        const space = /^\s*/.exec(text.slice(j))![0]
        j += space.length
        if (text.startsWith('/>', j) || text[j] === '>') break
        if (space === '') throw new Error(`attributes of <${element.name}> need white space between them, at offset ${j}`)
        const attr = /^([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(text.slice(j))
        if (!attr) throw new Error(`malformed attribute in <${element.name}> at offset ${j}: ${JSON.stringify(text.slice(j, j + 30))}`)
        const name = attr[1]!
        if (name in element.attributes) throw new Error(`attribute ${name} repeated in <${element.name}>`)
        element.attributes[name] = decode((attr[2] ?? attr[3])!.replaceAll(/[\t\n\r]/g, ' '), `attribute ${name} of <${element.name}>`)
        j += attr[0].length
      }

      const parent = stack.at(-1)
      if (parent) parent.children.push(element)
      else if (root) throw new Error(`second root element <${element.name}>`)
      else root = element
      if (text.startsWith('/>', j)) {
        i = j + 2
      } else {
        stack.push(element)
        i = j + 1
      }

      continue
    }

    const next = text.indexOf('<', i)
    const raw = text.slice(i, next === -1 ? text.length : next)
    const current = stack.at(-1)
    if (current) current.text += decode(raw, `<${current.name}>`)
    else if (raw.trim() !== '') throw new Error(`text outside the root element: ${JSON.stringify(raw.slice(0, 30))}`)
    i = next === -1 ? text.length : next
  }

  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is never closed`)
  if (!root) throw new Error('no root element')
  return root
}
