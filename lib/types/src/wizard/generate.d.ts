import { type Answers } from './answers.js';
import { type Recommendation } from './recommend.js';
/** One object to write, with the comments that explain it. */
export interface Manifest {
    object: {
        apiVersion?: string;
        kind?: string;
        metadata?: {
            name?: string;
            namespace?: string;
        };
    };
    /** Above the object. */
    comment: string;
    /** Above fields or list items, by path inside the object. */
    notes: Array<{
        path: ReadonlyArray<string | number>;
        text: string;
    }>;
}
/** Builds the manifests for complete answers and their recommendation. */
export declare function buildManifests(a: Answers, recommendation: Recommendation): Manifest[];
/** The manifests as one YAML stream, with the recommendation at the top. */
export declare function generate(a: Answers, recommendation: Recommendation): string;
