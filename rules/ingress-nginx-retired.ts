import {defineRule} from '../src/engine/rule.js'
import {frontDoorFromImage} from '../src/k8s/front-doors.js'
import {effectiveClass, INGRESS_NGINX_CONTROLLER, ingressesOf, nginxIngressClasses} from '../src/k8s/ingress.js'
import {containersOf} from '../src/k8s/workloads.js'

const CONTROLLER_KINDS = new Set(['Deployment', 'DaemonSet', 'StatefulSet'])
const NGINX = /nginx/i

export default defineRule({
  meta: {
    id: 'ingress-nginx-retired',
    description: 'ingress-nginx runs or serves Ingresses here: it is retired and gets no fixes, security ones included.',
    severity: 'warning',
    category: 'ingress',
    messages: {
      controller: '{{kind}} {{name}} runs ingress-nginx ({{image}}), which is retired: no releases or fixes since March 2026, security fixes included; move its Ingresses to a Gateway API implementation or another controller',
      ingressClass:
        'IngressClass {{name}} is served by ingress-nginx (controller {{controller}}), which is retired: the Ingresses of this class ({{ingresses}} in the input) need a Gateway API implementation or another controller',
    },
  },
  check({index, report}) {
    for (const template of index.podTemplates) {
      const owner = template.owner
      if (!CONTROLLER_KINDS.has(owner.kind)) continue
      // Every image of ingress-nginx has `nginx` in its repository: the others are not parsed.
      const container = containersOf(template).find((c) => c.role !== 'init' && typeof c.container.image === 'string' && NGINX.test(c.container.image) && frontDoorFromImage(c.container.image)?.product === 'ingress-nginx')
      if (!container) continue
      report({
        target: owner,
        path: [...container.path, 'image'],
        messageId: 'controller',
        data: {kind: owner.kind, name: `${owner.namespace}/${owner.name}`, image: String(container.container.image)},
      })
    }

    const ingresses = ingressesOf(index)
    for (const ingressClass of nginxIngressClasses(index)) {
      const count = ingresses.filter((i) => effectiveClass(i, index) === ingressClass.name).length
      report({
        target: ingressClass,
        path: ['spec', 'controller'],
        messageId: 'ingressClass',
        data: {name: ingressClass.name, controller: INGRESS_NGINX_CONTROLLER, ingresses: count},
      })
    }
  },
})
