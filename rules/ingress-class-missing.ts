import {defineRule} from '../src/engine/rule.js'
import {DEFAULT_CLASS_ANNOTATION, defaultIngressClasses, ingressClassOf, ingressesOf} from '../src/k8s/ingress.js'

export default defineRule({
  meta: {
    id: 'ingress-class-missing',
    description: 'An Ingress names no class, and the input holds no default IngressClass.',
    severity: 'info',
    category: 'ingress',
    rationale:
      'An Ingress is served by the controller of its class: `spec.ingressClassName`, or the older `kubernetes.io/ingress.class` annotation. Without either, it is served only if the cluster marks one IngressClass as the default (annotation `ingressclass.kubernetes.io/is-default-class: "true"`), or if a controller is told to take Ingresses without a class; ingress-nginx since 1.0 does not by default. Such an Ingress applies cleanly and routes nothing. With several controllers in a cluster, which one serves it depends on the cluster, not on the manifest. The rule is silent when the input (context included) holds a default IngressClass; it cannot see one that only the cluster has, hence its low severity.',
    remediation:
      'Name the class in `spec.ingressClassName` (`kubectl get ingressclass` lists those of the cluster), or mark one IngressClass as the default. Pass the cluster\'s IngressClasses with `--context` to let k8s-net see the default.\n\n```yaml\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: nginx\n  rules: []\n```',
  },
  check({index, report}) {
    if (defaultIngressClasses(index).length > 0) return
    for (const ingress of ingressesOf(index)) {
      if (ingressClassOf(ingress)) continue
      report({
        target: ingress,
        // Missing: the engine points at the closest node, `spec`.
        path: ['spec', 'ingressClassName'],
        message: `Ingress names no class (spec.ingressClassName) and the input holds no IngressClass marked ${DEFAULT_CLASS_ANNOTATION}: no controller may serve it`,
      })
    }
  },
})
