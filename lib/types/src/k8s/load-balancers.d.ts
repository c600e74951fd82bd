/** What cloud providers read on a Service of type LoadBalancer. */
/** The annotation cloud providers read for the allowed client networks when spec.loadBalancerSourceRanges is not set. */
export declare const SOURCE_RANGES_ANNOTATION = "service.beta.kubernetes.io/load-balancer-source-ranges";
/**
 * What makes a load balancer internal, if anything does: an annotation, or the
 * AWS Load Balancer Controller's default. For a Service, its annotations and
 * `spec.loadBalancerClass`; for a Gateway, `spec.infrastructure.annotations`,
 * which its controller puts on the Service it makes.
 */
export declare function internalLoadBalancer(annotations: Readonly<Record<string, string>>, loadBalancerClass?: unknown): string | undefined;
