/** `map --format json`: the report as documented in docs/map-format.md. */
import type { MapReport } from '../report.js';
export declare function renderJson(report: MapReport): string;
