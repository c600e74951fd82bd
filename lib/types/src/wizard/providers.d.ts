/**
 * What sends the traffic to the pods behind an Ingress or a Gateway: a
 * controller running in the cluster (its pods, in a namespace), or a load
 * balancer the cloud runs outside it (its proxies, from address ranges). The
 * NetworkPolicy the wizard writes admits exactly that.
 */
import type { Answers } from './answers.js';
/** Google's health checkers, and the proxies of its global external Application Load Balancer (documented source ranges). */
export declare const GOOGLE_RANGES: readonly string[];
export type Front = 'gateway' | 'ingress';
/** Who runs the proxies of a GatewayClass or IngressClass. */
export type Implementation = {
    managed: false;
    /** Its name, for comments: Envoy Gateway. */
    product: string;
    /** The namespace its proxies run in when installed as documented. */
    namespace?: string;
} | {
    managed: true;
    product: string;
    provider: 'aws' | 'gcp' | 'azure';
    /** The ranges its proxies send from, when the provider documents them; otherwise they are the user's network. */
    ranges?: readonly string[];
    /** What the user's ranges are, for the question: the VPC CIDR, the proxy-only subnet. */
    rangesAre?: string;
    /** Ranges admitted as well, whatever the proxies' (the provider's health checkers). */
    healthRanges?: readonly string[];
};
/** The GatewayClass or IngressClass this implementation answers to. */
export declare function implementationOf(className: string, front: Front, a: Answers): Implementation;
/** The GatewayClass an AWS Load Balancer Controller install is usually given (controllerName gateway.k8s.aws/alb). */
export declare const AWS_GATEWAY_CLASS = "aws-alb-gateway-class";
/** The GatewayClass to use where the cluster runs: the provider's managed one in a cloud, Envoy Gateway elsewhere. */
export declare function defaultGatewayClass(a: Answers): string;
/** The IngressClass to use: a maintained controller (ingress-nginx is retired), the provider's own on AWS and Azure. */
export declare function defaultIngressClass(a: Answers): string;
