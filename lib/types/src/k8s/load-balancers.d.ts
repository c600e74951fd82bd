/** What cloud providers read on a Service of type LoadBalancer. */
import type { Resource } from '../engine/types.js';
/** The annotation cloud providers read for the allowed client networks when spec.loadBalancerSourceRanges is not set. */
export declare const SOURCE_RANGES_ANNOTATION = "service.beta.kubernetes.io/load-balancer-source-ranges";
/** What makes this Service's load balancer internal (an annotation, or the AWS Load Balancer Controller's default), if anything does. */
export declare function internalLoadBalancer(service: Resource): string | undefined;
