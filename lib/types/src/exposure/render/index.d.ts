/** The map renderers: pure functions from the map report to text. */
import type { MapReport } from '../report.js';
export declare const MAP_FORMATS: readonly ["text", "json", "mermaid", "dot"];
export type MapFormat = (typeof MAP_FORMATS)[number];
export declare function renderMap(report: MapReport, format: MapFormat, options?: {
    color?: boolean;
}): string;
