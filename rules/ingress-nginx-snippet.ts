import {defineRule} from '../src/engine/rule.js'
import {ingressesOf, servedByIngressNginx, SNIPPET_ANNOTATIONS} from '../src/k8s/ingress.js'

export default defineRule({
  meta: {
    id: 'ingress-nginx-snippet',
    description: 'An Ingress injects raw NGINX configuration through an ingress-nginx snippet annotation.',
    severity: 'warning',
    category: 'ingress',
    messages: {
      snippet: '{{annotation}} injects raw NGINX configuration into the controller, which every Ingress of the cluster shares: snippets were the vector of CVE-2021-25742, and no other controller takes them',
    },
  },
  check({index, report}) {
    for (const ingress of ingressesOf(index)) {
      // An Ingress whose class the input says is another controller's: no ingress-nginx reads its snippets.
      if (!servedByIngressNginx(ingress, index)) continue
      for (const key of SNIPPET_ANNOTATIONS) {
        if (!Object.hasOwn(ingress.annotations, key)) continue
        report({target: ingress, path: ['metadata', 'annotations', key], messageId: 'snippet', data: {annotation: key}})
      }
    }
  },
})
