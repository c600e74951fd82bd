import type { K8sObject } from './types.js';
export interface ControllerReference {
    apiVersion?: string;
    kind: string;
    name: string;
}
/** The object's controller as its metadata names it, or undefined when it has none (or names it unreadably). */
export declare function controllerOf(object: K8sObject): ControllerReference | undefined;
