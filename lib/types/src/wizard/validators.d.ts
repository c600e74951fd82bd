export type Parsed<T> = {
    ok: true;
    value: T;
} | {
    ok: false;
    error: string;
};
export declare const ok: <T>(value: T) => Parsed<T>;
export declare const fail: <T>(error: string) => Parsed<T>;
export declare const show: (value: unknown) => string;
export declare function oneOf<T extends string>(values: readonly T[]): (value: unknown) => Parsed<T>;
export declare function boolean(value: unknown): Parsed<boolean>;
export declare function integer(min: number, max: number, what?: string): (value: unknown) => Parsed<number>;
export declare const port: (value: unknown) => Parsed<number>;
/** A list given as a YAML sequence of strings, or as one comma-separated string (flags). */
export declare function list(each: (item: string) => string | undefined, what: string): (value: unknown) => Parsed<string[]>;
export declare function text(each: (item: string) => string | undefined): (value: unknown) => Parsed<string>;
export declare function dns1123Label(what: string): (value: string) => string | undefined;
export declare function dns1123Subdomain(value: string): boolean;
export declare function serviceName(value: string): string | undefined;
export declare function host(value: string): string | undefined;
export declare function path(value: string): string | undefined;
export declare function cidr(value: string): string | undefined;
export declare function addressRange(value: string): string | undefined;
export declare function image(value: string): string | undefined;
export declare function externalName(value: string): string | undefined;
/** Who may call an internal service: `NAMESPACE`, `key=value` (pods of its own namespace) or `NAMESPACE:key=value`. */
export interface Caller {
    namespace?: string;
    labels?: {
        key: string;
        value: string;
    };
}
/** Reads one caller (see Caller); undefined when it is not one. */
export declare function readCaller(item: string): Caller | undefined;
export declare function caller(value: string): string | undefined;
/** A Gateway named NAMESPACE/NAME. */
export declare function gatewayRef(value: string): string | undefined;
/** A Kubernetes version, read as major.minor: 1.31, v1.31 or 1.31.2. */
export declare function kubeVersion(value: unknown): Parsed<string>;
