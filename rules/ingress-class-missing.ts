import {defineRule} from '../src/engine/rule.js'
import {nearest} from '../src/util/suggest.js'
import {DEFAULT_CLASS_ANNOTATION, defaultIngressClasses, ingressClassesOf, ingressClassOf, ingressesOf} from '../src/k8s/ingress.js'

export default defineRule({
  meta: {
    id: 'ingress-class-missing',
    description: 'An Ingress names no class while the input holds no default IngressClass (info), or names a class the input\'s IngressClasses do not have (warning).',
    severity: 'info',
    category: 'ingress',
    messages: {
      noClass: 'Ingress names no class (spec.ingressClassName) and the input holds no IngressClass marked {{annotation}}: no controller may serve it',
      unknownClass: 'ingressClassName {{name}} names no IngressClass of the input (it holds {{classes}}), so no controller serves this Ingress',
      unknownClassNear: 'ingressClassName {{name}} names no IngressClass of the input (it holds {{classes}}), so no controller serves this Ingress: did you mean {{near}}?',
    },
    // A class that does not exist breaks the Ingress for certain; one left out only may.
    messageSeverity: {unknownClass: 'warning', unknownClassNear: 'warning'},
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
        const held = [...new Set(names)].sort().join(', ')
        report({
          target: ingress,
          path: ref.path,
          ...(near ? {messageId: 'unknownClassNear', data: {name: ref.name, classes: held, near}} : {messageId: 'unknownClass', data: {name: ref.name, classes: held}}),
        })
        continue
      }

      if (hasDefault) continue
      report({
        target: ingress,
        // Missing: the engine points at the closest node, `spec`.
        path: ['spec', 'ingressClassName'],
        messageId: 'noClass',
        data: {annotation: DEFAULT_CLASS_ANNOTATION},
      })
    }
  },
})
