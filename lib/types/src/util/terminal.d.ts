/**
 * Text for a terminal. Names, label values and messages come from manifests,
 * config files and API servers, and a control character among them can
 * rewrite the terminal, set its title, ring its bell or fill the clipboard
 * (OSC 52); a bidirectional override makes text read other than it is.
 * Every human-readable format and every message the CLI prints passes its
 * text through `escapeControl`.
 */
/** `text` with each control character written as an escape: `\x1B`, `\x07`, `\u202E`. */
export declare function escapeControl(text: string): string;
