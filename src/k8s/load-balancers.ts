/** What cloud providers read on a Service of type LoadBalancer. */

/** The annotation cloud providers read for the allowed client networks when spec.loadBalancerSourceRanges is not set. */
export const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges'

/**
 * Annotations that make a cloud provider's load balancer internal (a private
 * address only), each with the values that mean so.
 */
const INTERNAL_ANNOTATIONS: ReadonlyArray<readonly [string, (value: string) => boolean]> = [
  // AWS (in-tree provider): "true"; early releases took a CIDR such as 0.0.0.0/0 to mean the same.
  ['service.beta.kubernetes.io/aws-load-balancer-internal', (v) => v !== '' && v.toLowerCase() !== 'false'],
  // AWS Load Balancer Controller.
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', (v) => v.toLowerCase() === 'internal'],
  ['networking.gke.io/load-balancer-type', (v) => v.toLowerCase() === 'internal'],
  ['cloud.google.com/load-balancer-type', (v) => v.toLowerCase() === 'internal'],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', (v) => v.toLowerCase() === 'true'],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', (v) => v.toLowerCase() === 'true'],
  ['oci-network-load-balancer.oraclecloud.com/internal', (v) => v.toLowerCase() === 'true'],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', (v) => v.toLowerCase() === 'true'],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', (v) => v.toLowerCase() === 'private'],
  ['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type', (v) => v.toLowerCase() === 'intranet'],
  ['service.kubernetes.io/qcloud-loadbalancer-internal-subnetid', (v) => v !== ''],
]

const AWS_SCHEME = 'service.beta.kubernetes.io/aws-load-balancer-scheme'
const AWS_TYPE = 'service.beta.kubernetes.io/aws-load-balancer-type'

/**
 * What makes a load balancer internal, if anything does: an annotation, or the
 * AWS Load Balancer Controller's default. For a Service, its annotations and
 * `spec.loadBalancerClass`; for a Gateway, `spec.infrastructure.annotations`,
 * which its controller puts on the Service it makes.
 */
export function internalLoadBalancer(annotations: Readonly<Record<string, string>>, loadBalancerClass?: unknown): string | undefined {
  for (const [key, internal] of INTERNAL_ANNOTATIONS) {
    const value = annotations[key]
    if (value !== undefined && internal(value.trim())) return key
  }

  // The AWS Load Balancer Controller (it serves type "external" and class service.k8s.aws/nlb) makes internal NLBs
  // unless the scheme says internet-facing.
  const awsController = annotations[AWS_TYPE]?.trim() === 'external' || loadBalancerClass === 'service.k8s.aws/nlb'
  if (awsController && annotations[AWS_SCHEME]?.trim().toLowerCase() !== 'internet-facing') {
    return `${AWS_TYPE}: external (the AWS Load Balancer Controller's NLBs are internal unless ${AWS_SCHEME} is internet-facing)`
  }

  return undefined
}
