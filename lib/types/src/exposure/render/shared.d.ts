/** What the map renderers share: safe text, verdict words, object names. */
import { escapeControl } from '../../util/terminal.js';
import type { ObjectReport, VerdictReport } from '../report.js';
/** Text from files and clusters is hostile: control characters are shown escaped, never sent to a terminal. */
export declare const printable: typeof escapeControl;
export declare function objectText(o: ObjectReport): string;
export declare function whereOf(o: ObjectReport): string;
/** `admitted by NetworkPolicy shop/allow-web spec.ingress[0] (k8s/policy.yaml:12)`, `open: no policy selects the pods`. */
export declare function verdictText(v: VerdictReport): string;
