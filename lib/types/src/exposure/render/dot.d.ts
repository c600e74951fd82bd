/** `map --format dot`: a Graphviz digraph (`dot -Tsvg`). */
import type { MapReport } from '../report.js';
export declare function renderDot(report: MapReport): string;
