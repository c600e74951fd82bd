/** Reading pod specs: containers (with sidecars), their ports and probes; which pods serve at all. */
import type { ResourceIndex } from '../engine/resource-index.js';
import type { Selector } from '../engine/selectors.js';
import type { ObjectPath, PodTemplate } from '../engine/types.js';
export interface ContainerPort {
    /** Index in the container's `ports`. */
    index: number;
    name?: string;
    containerPort?: number;
    protocol: string;
}
export interface ContainerInfo {
    /** The container object as written. */
    readonly container: Record<string, unknown>;
    readonly name: string;
    /** Path from the owner object (not the template) to the container. */
    readonly path: ObjectPath;
    /** `container`; `sidecar` for an init container with restartPolicy: Always (it runs beside the app); `init` otherwise. */
    readonly role: 'container' | 'sidecar' | 'init';
    readonly ports: readonly ContainerPort[];
}
/** The containers of a pod template, init containers included (check `role`); read once for each template (many rules ask, and the model for every path), and shared. */
export declare const containersOf: (template: PodTemplate) => readonly ContainerInfo[];
/** Containers that serve for the pod's lifetime: app containers and sidecars. */
export declare const longRunningContainers: (template: PodTemplate) => readonly ContainerInfo[];
/** The annotation by which Helm runs an object as a hook (`test`, `pre-install`...) rather than as part of the release. */
export declare const HELM_HOOK_ANNOTATION = "helm.sh/hook";
/**
 * Whether the pods of a template run to completion and never serve: the
 * kinds that run to completion (Jobs, CronJobs, and CRD kinds configured
 * with `batch: true`), Pods with restartPolicy Never or OnFailure (one-off
 * and test pods), and Pods that Helm runs as hooks (`helm.sh/hook: test`,
 * `pre-install`...: Helm waits for them to finish). Such pods are in no
 * Service's endpoints for long, take no traffic and have nothing to restart,
 * even when they carry the selector labels of the workload they test.
 * The one definition every rule uses.
 */
export declare function neverServes(template: PodTemplate): boolean;
/** The pod templates of a namespace that a selector reaches and whose pods serve (see `neverServes`). */
export declare function servingTemplates(index: ResourceIndex, namespace: string, selector: Selector): PodTemplate[];
