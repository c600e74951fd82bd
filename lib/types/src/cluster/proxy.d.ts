/**
 * The proxy for `server`: `configured` (the kubeconfig's proxy-url, read for
 * `owner`) when set, else the environment's.
 */
export declare function proxyFor(server: URL, configured: string | undefined, owner: string, env: NodeJS.ProcessEnv): URL | undefined;
