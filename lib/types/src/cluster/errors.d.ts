/**
 * Why a cluster cannot be read at all (no kubeconfig, no answer, refused
 * credentials, TLS), and the redaction every cluster message goes through:
 * no message of k8s-net carries a credential, whatever put it there (a
 * password in a server URL, a token an API server or an exec plugin echoed).
 */
import { InputError } from '../loaders/sources.js';
/** Remembers a credential so that `redact` hides it wherever it appears. Values shorter than 6 characters would hide ordinary words of messages: they are left. */
export declare function registerSecret(value: string | undefined): void;
/** The text without user info in URLs, authorization values, JSON web tokens, private keys and any credential registered. */
export declare function redact(text: string): string;
/** The cluster cannot be read: an input error (exit 2), named apart for callers that care. Its message is redacted. */
export declare class ClusterError extends InputError {
    constructor(message: string);
}
