/**
 * Labels that controllers add to the pods they create, beyond those written
 * in the pod template: a Deployment's `pod-template-hash`, a StatefulSet's
 * `statefulset.kubernetes.io/pod-name`, a Job's `job-name`. Selectors may
 * use them (a Service per StatefulSet pod), so selection counts them.
 */
import { type Requirement } from './selectors.js';
import type { PodTemplate } from './types.js';
export declare const CONTROLLER_KEYS: ReadonlySet<string>;
/** Whether the pods of a template can meet one requirement, counting the labels their controller adds. */
export declare function podsMeet(requirement: Requirement, template: PodTemplate): boolean;
/**
 * The values a template's controller gives one of its own labels on the pods,
 * for messages (`redis-<ordinal>`), or undefined when it sets no such label.
 */
export declare function controllerLabelValues(template: PodTemplate, key: string): string | undefined;
