import { type ExposureClass } from '../model.js';
import type { MapReport } from '../report.js';
export declare const CLASS_TITLES: Readonly<Record<ExposureClass, string>>;
export declare function renderText(report: MapReport, options?: {
    color?: boolean;
}): string;
