/**
 * Reading Ingresses in every shape still found in manifests: networking.k8s.io/v1
 * (`service.name` with `port.number` or `port.name`, `defaultBackend`,
 * `ingressClassName`) and the legacy extensions/v1beta1 and
 * networking.k8s.io/v1beta1 (`serviceName`/`servicePort`, `backend`, the
 * `kubernetes.io/ingress.class` annotation). Also: IngressClasses and the
 * default one, TLS host coverage with wildcards, and the rewrite of a legacy
 * object into networking.k8s.io/v1.
 */
import type { KindTable, ResourceIndex } from '../engine/resource-index.js';
import type { ObjectPath, Resource } from '../engine/types.js';
/** API groups that have served Ingress. */
export declare const INGRESS_GROUPS: readonly string[];
/** Versions of Ingress and IngressClass removed in Kubernetes 1.22. */
export declare const REMOVED_INGRESS_VERSIONS: readonly string[];
/** The class annotation that predates `spec.ingressClassName`. */
export declare const CLASS_ANNOTATION = "kubernetes.io/ingress.class";
/** Marks the IngressClass that Ingresses without a class get. */
export declare const DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";
export declare const isIngress: (r: Resource) => boolean;
/** Every Ingress of the input (both API groups), in load order. */
export declare function ingressesOf(index: ResourceIndex): Resource[];
/** IngressClasses (networking.k8s.io, v1 and v1beta1). */
export declare const ingressClassesOf: (index: ResourceIndex) => KindTable;
/** The Service a backend names, in whichever shape it is written. */
export interface BackendService {
    name: string;
    namePath: ObjectPath;
    /** A port number, a port name, or undefined when the backend names none. */
    port?: number | string;
    /** Where the port is, or where it belongs when missing. */
    portPath: ObjectPath;
    /** Written in the legacy shape (`serviceName`/`servicePort`), which networking.k8s.io/v1 does not have. */
    legacy: boolean;
}
export interface IngressBackend {
    /** Path to the backend mapping. */
    path: ObjectPath;
    /** For messages: `the default backend`, `host a.example.com, path /api`. */
    where: string;
    /** Undefined for a resource backend, or one that names no Service. */
    service?: BackendService;
    /** A backend that points at an object other than a Service (`resource`). */
    resource: boolean;
}
export interface IngressPath {
    readonly ruleIndex: number;
    readonly pathIndex: number;
    /** `path` as written; legacy Ingresses may leave it out (all paths). */
    readonly path?: string;
    /** `pathType` as written; legacy Ingresses leave it out (ImplementationSpecific). */
    readonly pathType?: string;
    /** Path to the `paths` entry. */
    readonly entryPath: ObjectPath;
    readonly backend?: IngressBackend;
}
export interface IngressRule {
    readonly index: number;
    /** Lower-cased; undefined when the rule matches every host. */
    readonly host?: string;
    /** Path to `host`, or to the rule when it has none. */
    readonly hostPath: ObjectPath;
    readonly paths: readonly IngressPath[];
}
/**
 * The port name by which an AWS Load Balancer Controller backend names an
 * action (a redirect, a fixed response, weighted target groups) written in
 * the `alb.ingress.kubernetes.io/actions.<service name>` annotation, not a
 * Service port.
 */
export declare const ALB_ACTION_PORT = "use-annotation";
/** For a backend that names an AWS Load Balancer Controller action rather than a Service: the annotation that holds the action. */
export declare function albActionAnnotation(ref: BackendService): string | undefined;
/**
 * NGINX Inc.'s controller merges Ingresses of one host: one `master` holds the
 * host, its TLS and annotations, and `minion`s add paths and cannot carry TLS.
 */
export declare const MERGEABLE_TYPE_ANNOTATION = "nginx.org/mergeable-ingress-type";
/** `master` or `minion` for an NGINX Inc. mergeable Ingress, undefined otherwise. */
export declare function mergeableType(ingress: Resource): 'master' | 'minion' | undefined;
/** The default backend: `spec.defaultBackend` (v1) or `spec.backend` (legacy). */
export declare function defaultBackendOf(ingress: Resource): IngressBackend | undefined;
/** `spec.rules` with their hosts and paths: read once for each Ingress, and shared. */
export declare const ingressRules: (ingress: Resource) => readonly IngressRule[];
/** Every backend of an Ingress: the default one first, then those of its rules. */
export declare function ingressBackends(ingress: Resource): IngressBackend[];
/**
 * The hosts `spec.tls` covers. An entry without hosts covers every host: the
 * API says it defaults to the controller's wildcard host.
 */
export declare function tlsCoverage(ingress: Resource): {
    all: boolean;
    hosts: string[];
};
/**
 * Whether a host pattern covers a host, as Ingress and certificates match:
 * `*.example.com` stands for exactly one more label (`a.example.com`, not
 * `example.com` nor `a.b.example.com`). A wildcard host is covered by the
 * same wildcard only. Case-insensitive.
 */
export declare function hostMatches(pattern: string, host: string): boolean;
export interface IngressClassRef {
    name: string;
    source: 'ingressClassName' | 'annotation';
    /** Where the class is written. */
    path: ObjectPath;
}
/** The class an Ingress names: `spec.ingressClassName`, else the legacy annotation. */
export declare function ingressClassOf(ingress: Resource): IngressClassRef | undefined;
/** IngressClasses of the input marked as the default one (the annotation must be exactly `true`). */
export declare function defaultIngressClasses(index: ResourceIndex): Resource[];
/**
 * The class an Ingress is served by, as far as the input tells: the one it
 * names, else the default IngressClass of the input, else undefined.
 */
export declare function effectiveClass(ingress: Resource, index: ResourceIndex): string | undefined;
/** `spec.controller` of the IngressClass with this name, if the input holds it. */
export declare function controllerOf(index: ResourceIndex, className: string): string | undefined;
/**
 * An Ingress or IngressClass of a removed version, rewritten for
 * networking.k8s.io/v1. Keys keep their order; `status` is dropped. For an
 * Ingress: `backend` becomes `defaultBackend`; `serviceName`/`servicePort`
 * become `service.name` and `service.port.number` (or `.name` for a named
 * port; a port written as a quoted number is taken as the number it spells);
 * paths without `pathType` get `ImplementationSpecific`, which is what the
 * old versions defaulted to; and the class annotation moves to
 * `spec.ingressClassName` (the API server refuses an Ingress that sets both).
 */
export declare function toNetworkingV1(object: Record<string, unknown>): Record<string, unknown>;
/** The `spec.controller` of ingress-nginx's IngressClasses. */
export declare const INGRESS_NGINX_CONTROLLER = "k8s.io/ingress-nginx";
/** The prefix of ingress-nginx's own annotations. */
export declare const NGINX_ANNOTATION_PREFIX = "nginx.ingress.kubernetes.io/";
/**
 * How an ingress-nginx annotation carries over to the Gateway API:
 * - `standard`: a feature of the Gateway API's standard channel does it (a
 *   route filter, a match, weights, timeouts, another route kind, BackendTLSPolicy);
 * - `implementation`: Gateway API implementations offer it through their own
 *   policies or extensions, differently in each, or only in the experimental channel;
 * - `none`: nothing does it (NGINX configuration, rate limits, external auth).
 */
export type Portability = 'standard' | 'implementation' | 'none';
export interface NginxAnnotationClass {
    portability: Portability;
    /** What to use instead, or why there is none. */
    how: string;
}
/** Annotations that put raw NGINX configuration into the controller (the vector of CVE-2021-25742; off by default since controller v1.9). */
export declare const SNIPPET_ANNOTATIONS: readonly string[];
export interface NginxAnnotation {
    /** The full key. */
    key: string;
    value: string;
    /** Undefined for a key ingress-nginx does not document (a typo, or another controller's). */
    class?: NginxAnnotationClass;
}
/**
 * How one annotation carries over, its value considered where the value
 * decides: `rewrite-target` with regex captures (`/$2`) has no standard
 * equivalent, `backend-protocol: FCGI` neither, `AUTO_HTTP` needs nothing.
 */
export declare function classifyNginxAnnotation(key: string, value: string): NginxAnnotationClass | undefined;
/** The `nginx.ingress.kubernetes.io/*` annotations of an object, in key order, classified. */
export declare function nginxAnnotationsOf(resource: Resource): NginxAnnotation[];
/** ingress-nginx's default class name (its `--ingress-class` flag); F5's NGINX Ingress Controller takes the same name by default. */
export declare const INGRESS_NGINX_DEFAULT_CLASS = "nginx";
/** IngressClasses of the input whose controller is ingress-nginx. */
export declare function nginxIngressClasses(index: ResourceIndex): Resource[];
/** Why ingress-nginx is taken to serve a class or an Ingress. */
export interface IngressNginxEvidence {
    /** For messages: `IngressClass nginx has controller k8s.io/ingress-nginx`. */
    why: string;
    /**
     * True when an IngressClass of the input names ingress-nginx's controller.
     * False for a guess (from the class name `nginx`, or from the annotations),
     * which must not raise an error.
     */
    certain: boolean;
}
/**
 * Whether a class belongs to ingress-nginx, as far as the input tells. The
 * IngressClass of that name decides when the input holds it (certain when its
 * controller is k8s.io/ingress-nginx, undefined for any other). Without one,
 * the name `nginx`, ingress-nginx's default class, is taken as ingress-nginx's
 * as a guess: F5's NGINX Ingress Controller uses that name too, and either
 * controller can be started with another. No other name is guessed.
 */
export declare function ingressNginxClass(index: ResourceIndex, className: string): IngressNginxEvidence | undefined;
/**
 * Why an Ingress is served by ingress-nginx, or undefined when the input does
 * not say so. Its class (named by `spec.ingressClassName` or the
 * `kubernetes.io/ingress.class` annotation, or the default IngressClass) is
 * ingress-nginx's by `ingressNginxClass` (certain, or a guess from the name
 * `nginx`); or it carries ingress-nginx's own annotations and names no class
 * the input knows to be another controller's (a guess). The guess from the
 * name is not made for an Ingress that carries annotations of F5's NGINX
 * Ingress Controller (`nginx.org/*`, `appprotect.f5.com/*`...), whose default
 * class name is `nginx` too. An Ingress without a
 * class and without those annotations is not taken: ingress-nginx serves it
 * only when started with `--watch-ingress-without-class`, which the input does
 * not tell.
 */
export declare function servedByIngressNginx(ingress: Resource, index: ResourceIndex): IngressNginxEvidence | undefined;
