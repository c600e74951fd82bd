import type { MapReport } from '../report.js';
import type { Status } from '../policy.js';
export type NodeShape = 'source' | 'entry' | 'service' | 'workload';
export interface GraphNode {
    id: string;
    label: string;
    shape: NodeShape;
}
export interface GraphEdge {
    from: string;
    to: string;
    labels: string[];
    /** The worst verdict on the edge, when it goes into pods. */
    status?: Status;
}
export interface Graph {
    nodes: GraphNode[];
    edges: GraphEdge[];
}
export declare function toGraph(report: MapReport): Graph;
