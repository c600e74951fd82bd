/**
 * What sends the traffic to the pods behind an Ingress or a Gateway: a
 * controller running in the cluster (its pods, in a namespace), or a load
 * balancer the cloud runs outside it (its proxies, from address ranges). The
 * NetworkPolicy the wizard writes admits exactly that.
 */
import type {Answers} from './answers.js'

/** Google's health checkers, and the proxies of its global external Application Load Balancer (documented source ranges). */
export const GOOGLE_RANGES: readonly string[] = ['35.191.0.0/16', '130.211.0.0/22']

export type Front = 'gateway' | 'ingress'

/** Who runs the proxies of a GatewayClass or IngressClass. */
export type Implementation =
  | {
      managed: false
      /** Its name, for comments: Envoy Gateway. */
      product: string
      /** The namespace its proxies run in when installed as documented. */
      namespace?: string
    }
  | {
      managed: true
      product: string
      provider: 'aws' | 'gcp' | 'azure'
      /** The ranges its proxies send from, when the provider documents them; otherwise they are the user's network. */
      ranges?: readonly string[]
      /** What the user's ranges are, for the question: the VPC CIDR, the proxy-only subnet. */
      rangesAre?: string
      /** Ranges admitted as well, whatever the proxies' (the provider's health checkers). */
      healthRanges?: readonly string[]
    }

const GKE_PROXY_SUBNET = 'the region\'s proxy-only subnet (Envoy-based load balancers send from it)'

/** The GatewayClass or IngressClass this implementation answers to. */
export function implementationOf(className: string, front: Front, a: Answers): Implementation {
  if (className.startsWith('gke-l7-') || (front === 'ingress' && (className === 'gce' || className === 'gce-internal'))) {
    // The global external (and classic) load balancers send from Google Front Ends, whose ranges are the health checkers';
    // the regional and internal ones are Envoy proxies in a proxy-only subnet of the user's VPC.
    const frontEnds = /^gke-l7-(global-external-managed|gxlb)/.test(className) || className === 'gce'
    return frontEnds
      ? {managed: true, provider: 'gcp', product: front === 'gateway' ? 'the GKE Gateway controller (a global external Application Load Balancer)' : 'GKE Ingress', ranges: GOOGLE_RANGES}
      : {managed: true, provider: 'gcp', product: front === 'gateway' ? 'the GKE Gateway controller (a regional Application Load Balancer)' : 'GKE internal Ingress', rangesAre: GKE_PROXY_SUBNET, healthRanges: GOOGLE_RANGES}
  }

  if (className.startsWith('azure-alb-')) {
    return {managed: true, provider: 'azure', product: 'Application Gateway for Containers', rangesAre: 'the subnet delegated to Application Gateway for Containers (its association subnet)'}
  }

  if ((front === 'gateway' && className === AWS_GATEWAY_CLASS) || (front === 'ingress' && className === 'alb')) {
    return {managed: true, provider: 'aws', product: 'the AWS Load Balancer Controller (an Application Load Balancer)', rangesAre: 'the VPC CIDR (the ALB sends from its addresses in the VPC\'s subnets)'}
  }

  const inCluster = IN_CLUSTER[front][className]
  if (!inCluster) return {managed: false, product: `the ${className} controller`}
  return {managed: false, product: inCluster.product, namespace: a.localCluster === 'k3d' && className === 'traefik' ? 'kube-system' : inCluster.namespace}
}

/** The GatewayClass an AWS Load Balancer Controller install is usually given (controllerName gateway.k8s.aws/alb). */
export const AWS_GATEWAY_CLASS = 'aws-alb-gateway-class'

/** Maintained implementations that run in the cluster, with the namespace their install guides use. */
const IN_CLUSTER: Record<Front, Record<string, {product: string; namespace: string}>> = {
  gateway: {
    eg: {product: 'Envoy Gateway', namespace: 'envoy-gateway-system'},
    traefik: {product: 'Traefik', namespace: 'traefik'},
    nginx: {product: 'NGINX Gateway Fabric', namespace: 'nginx-gateway'},
    istio: {product: 'Istio', namespace: 'istio-system'},
  },
  ingress: {
    traefik: {product: 'Traefik', namespace: 'traefik'},
    nginx: {product: 'F5 NGINX Ingress Controller', namespace: 'nginx-ingress'},
    haproxy: {product: 'HAProxy Kubernetes Ingress Controller', namespace: 'haproxy-controller'},
  },
}

/** The GatewayClass to use where the cluster runs: the provider's managed one in a cloud, Envoy Gateway elsewhere. */
export function defaultGatewayClass(a: Answers): string {
  if (a.environment !== 'cloud') return 'eg'
  switch (a.provider) {
    case 'gcp': {
      return a.clients === 'team' ? 'gke-l7-rilb' : 'gke-l7-global-external-managed'
    }

    case 'aws': {
      return AWS_GATEWAY_CLASS
    }

    case 'azure': {
      return 'azure-alb-external'
    }

    default: {
      return 'eg'
    }
  }
}

/** The IngressClass to use: a maintained controller (ingress-nginx is retired), the provider's own on AWS and Azure. */
export function defaultIngressClass(a: Answers): string {
  if (a.environment === 'cloud' && a.provider === 'aws') return 'alb'
  if (a.environment === 'cloud' && a.provider === 'azure') return 'azure-alb-external'
  return 'traefik'
}
