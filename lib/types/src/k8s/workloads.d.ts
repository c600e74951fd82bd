/** Reading pod specs: containers (with sidecars), their ports and probes. */
import type { PodTemplate } from '../engine/types.js';
import type { ObjectPath } from '../engine/types.js';
export interface ContainerPort {
    /** Index in the container's `ports`. */
    index: number;
    name?: string;
    containerPort?: number;
    protocol: string;
}
export interface ContainerInfo {
    /** The container object as written. */
    container: Record<string, unknown>;
    name: string;
    /** Path from the owner object (not the template) to the container. */
    path: ObjectPath;
    /** `container`; `sidecar` for an init container with restartPolicy: Always (it runs beside the app); `init` otherwise. */
    role: 'container' | 'sidecar' | 'init';
    ports: ContainerPort[];
}
/** The containers of a pod template, init containers included (check `role`). */
export declare function containersOf(template: PodTemplate): ContainerInfo[];
/** Containers that serve for the pod's lifetime: app containers and sidecars. */
export declare function longRunningContainers(template: PodTemplate): ContainerInfo[];
