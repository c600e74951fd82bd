/**
 * Recognising ingress controllers and gateways: the front doors that route
 * HTTP for many Services behind one load balancer. They are recognised by the
 * labels their charts and operators put on the Service and the pods, and by
 * the images their pods run.
 */
import type { PodTemplate } from '../engine/types.js';
import type { Resource } from '../engine/types.js';
/** A recognised ingress controller or gateway, and what gave it away. */
export interface FrontDoor {
    /** The product, for messages: `ingress-nginx`, `Traefik`, `Istio ingress gateway`... */
    product: string;
    /** What was recognised: `label app.kubernetes.io/name=ingress-nginx`, `image traefik:v3.7`. */
    evidence: string;
}
/**
 * A front door recognised from labels (of a Service or a pod template).
 * `extra` holds more labels that mark one, as `key=value` or `key` alone.
 */
export declare function frontDoorFromLabels(labels: Readonly<Record<string, string>>, extra?: readonly string[]): FrontDoor | undefined;
/** The repository path of an image reference: `registry.k8s.io/ingress-nginx/controller:v1@sha256:…` → `ingress-nginx/controller`. */
export declare function imageRepository(image: string): string;
/** A front door recognised from a container image. */
export declare function frontDoorFromImage(image: string): FrontDoor | undefined;
/** Whether the pods of a template run an ingress controller or a gateway proxy: by their labels, images, or Istio's gateway injection. */
export declare function frontDoorOfTemplate(template: PodTemplate, extra?: readonly string[]): FrontDoor | undefined;
/**
 * Whether a Service is the front door of an ingress controller or gateway: its
 * own labels say so, or the pods it selects run one. The Service's labels
 * are enough when its pods are not in the input.
 */
export declare function frontDoorOfService(service: Resource, selected: readonly PodTemplate[], extra?: readonly string[]): FrontDoor | undefined;
