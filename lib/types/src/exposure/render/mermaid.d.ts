/** `map --format mermaid`: a flowchart GitHub and GitLab render in Markdown. */
import type { MapReport } from '../report.js';
export declare function renderMermaid(report: MapReport): string;
