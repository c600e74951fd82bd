/** Why a cluster cannot be read at all: no kubeconfig, no answer, refused credentials, TLS. */
import { InputError } from '../loaders/sources.js';
/** The cluster cannot be read: an input error (exit 2), named apart for callers that care. */
export declare class ClusterError extends InputError {
    constructor(message: string);
}
