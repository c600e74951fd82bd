/**
 * Text for a terminal. Names, label values and messages come from manifests,
 * config files and API servers, and a control character among them can
 * rewrite the terminal, set its title, ring its bell or fill the clipboard
 * (OSC 52); a bidirectional override makes text read other than it is.
 * Every human-readable format and every message the CLI prints passes its
 * text through `escapeControl`.
 */

// C0 controls but tab and line feed (which messages use), DEL, C1 controls, the line and paragraph separators,
// and the bidirectional embeddings,
// overrides and isolates.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g

/** `text` with each control character written as an escape: `\x1B`, `\x07`, `\u202E`. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
  })
}
