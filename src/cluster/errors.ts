/**
 * Why a cluster cannot be read at all (no kubeconfig, no answer, refused
 * credentials, TLS), and the redaction every cluster message goes through:
 * no message of k8s-net carries a credential, whatever put it there (a
 * password in a server URL, a token an API server or an exec plugin echoed).
 */
import {InputError} from '../loaders/sources.js'

/** Credentials read in this process (tokens, passwords, keys): never shown. */
const secrets = new Set<string>()

/** Remembers a credential so that `redact` hides it wherever it appears. Values shorter than 6 characters would hide ordinary words of messages: they are left. */
export function registerSecret(value: string | undefined): void {
  if (value !== undefined && value.length >= 6) secrets.add(value)
}

const USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi
const AUTHORIZATION = /\b(Bearer|Basic)\s+[\w.~+/=-]+/g
const JWT = /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g
const PRIVATE_KEY = /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g

/** The text without user info in URLs, authorization values, JSON web tokens, private keys and any credential registered. */
export function redact(text: string): string {
  let out = text.replace(USER_INFO, '$1***@').replace(AUTHORIZATION, '$1 ***').replace(JWT, '***').replace(PRIVATE_KEY, '[private key]')
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('***')
  return out
}

/** The cluster cannot be read: an input error (exit 2), named apart for callers that care. Its message is redacted. */
export class ClusterError extends InputError {
  constructor(message: string) {
    super(redact(message))
    this.name = 'ClusterError'
  }
}
