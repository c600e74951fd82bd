import { type Answers } from './answers.js';
import { type Quote, type Recommendation } from './recommend.js';
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
/** Builds the manifests for complete answers and their recommendation; none for a port-forward. */
export declare function buildManifests(a: Answers, recommendation: Recommendation): Manifest[];
/** The command that gives the access when no manifest is needed (a port-forward); undefined otherwise. */
export declare function accessCommand(a: Answers, recommendation: Recommendation): string | undefined;
/** The manifests as one YAML stream, with the recommendation at the top; reasons quote the answers as flags or as the prompts put them. */
export declare function generate(a: Answers, recommendation: Recommendation, quote?: Quote): string;
