import {defineRule} from '../src/engine/rule.js'
import {nearest} from '../src/engine/util.js'
import {DEFAULT_CLASS_ANNOTATION, defaultIngressClasses, ingressClassesOf, ingressClassOf, ingressesOf} from '../src/k8s/ingress.js'

export default defineRule({
  meta: {
    id: 'ingress-class-missing',
    description: 'An Ingress names no class while the input holds no default IngressClass (info), or names a class the input\'s IngressClasses do not have (warning).',
    severity: 'info',
    category: 'ingress',
    rationale:
      'An Ingress is served by the controller of its class: `spec.ingressClassName`, or the older `kubernetes.io/ingress.class` annotation. Without either, it is served only if the cluster marks one IngressClass as the default (annotation `ingressclass.kubernetes.io/is-default-class: "true"`), or if a controller is told to take Ingresses without a class; ingress-nginx since 1.0 does not by default. Such an Ingress applies cleanly and routes nothing. With several controllers in a cluster, which one serves it depends on the cluster, not on the manifest. The rule is silent when the input (context included) holds a default IngressClass; it cannot see one that only the cluster has, hence its low severity. An `ingressClassName` must name an IngressClass object: when the input holds IngressClasses and none has that name (a typo, a class renamed), no controller serves the Ingress, which is reported as a warning. The legacy annotation is not checked that way, since controllers that predate IngressClass objects read it without one.',
    remediation:
      'Name the class in `spec.ingressClassName` (`kubectl get ingressclass` lists those of the cluster), or mark one IngressClass as the default. Pass the cluster\'s IngressClasses with `--context` to let k8s-net see the default.\n\n```yaml\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: nginx\n  rules: []\n```',
  },
  check({index, report}) {
    const classes = ingressClassesOf(index)
    const names = classes.all.map((c) => c.name)
    const hasDefault = defaultIngressClasses(index).length > 0
    for (const ingress of ingressesOf(index)) {
      const ref = ingressClassOf(ingress)
      if (ref) {
        // spec.ingressClassName names an IngressClass object; the legacy annotation names a class some controllers know without one.
        if (ref.source !== 'ingressClassName' || names.length === 0 || classes.find('', ref.name)) continue
        const near = nearest(ref.name, names)
        report({
          target: ingress,
          path: ref.path,
          message: `ingressClassName ${ref.name} names no IngressClass of the input (it holds ${[...new Set(names)].sort().join(', ')}), so no controller serves this Ingress${near ? `: did you mean ${near}?` : ''}`,
          // A class that does not exist breaks the Ingress for certain; one left out only may.
          severity: 'warning',
        })
        continue
      }

      if (hasDefault) continue
      report({
        target: ingress,
        // Missing: the engine points at the closest node, `spec`.
        path: ['spec', 'ingressClassName'],
        message: `Ingress names no class (spec.ingressClassName) and the input holds no IngressClass marked ${DEFAULT_CLASS_ANNOTATION}: no controller may serve it`,
      })
    }
  },
})
