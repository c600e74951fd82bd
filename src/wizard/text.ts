/** Wrapping prose for YAML comments and the terminal. */

/**
 * Wraps each paragraph (line) of `text` at `width` columns. A paragraph that
 * starts with `- ` or spaces continues under its first word.
 */
export function wrap(text: string, width: number): string[] {
  const out: string[] = []
  for (const paragraph of text.split('\n')) {
    const lead = /^\s*/.exec(paragraph)![0]
    const indent = ' '.repeat(/^\s*(?:- )?/.exec(paragraph)![0].length)
    let line = lead
    for (const word of paragraph.slice(lead.length).split(' ')) {
      if (line.trim() !== '' && line.length + 1 + word.length > width) {
        out.push(line)
        line = indent + word
      } else {
        line = line.trim() === '' ? line + word : `${line} ${word}`
      }
    }

    out.push(line)
  }

  return out
}
