import {defineRule} from '../src/engine/rule.js'
import {gatewaysOf, lacksGrant, listenerSetsOf, listenersOf} from '../src/k8s/gateway.js'

export default defineRule({
  meta: {
    id: 'listener-certificate-missing',
    description: 'An HTTPS or TLS-terminating listener has no certificate, or names a Secret that is not there or that its namespace does not grant.',
    severity: 'error',
    category: 'gateway-api',
    messages: {
      noCertificate: '{{listener}} terminates TLS ({{protocol}}) but names no certificate in tls.certificateRefs: it cannot serve a handshake',
      notGranted: 'certificate Secret {{secret}} is in another namespace, and no ReferenceGrant in {{namespace}} lets {{kind}}s from {{from}} refer to it',
      missingSecret: 'certificate Secret {{name}} is not in namespace {{namespace}}',
    },
  },
  check({index, report}) {
    const secrets = index.table('Secret', [''])
    for (const owner of [...gatewaysOf(index).all, ...listenerSetsOf(index)]) {
      for (const listener of listenersOf(owner)) {
        const terminates = listener.protocol === 'HTTPS' || (listener.protocol === 'TLS' && listener.tls?.mode === 'Terminate')
        if (!terminates) continue
        const tls = listener.tls
        if (!tls || (tls.certificateRefs.length === 0 && !tls.options)) {
          report({target: owner, path: tls ? [...listener.path, 'tls'] : [...listener.path, 'protocol'], messageId: 'noCertificate', data: {listener: listener.label, protocol: listener.protocol!}})
          continue
        }

        for (const ref of tls.certificateRefs) {
          if (ref.group !== '' || ref.kind !== 'Secret') continue
          if (lacksGrant(index, owner, {group: '', kind: 'Secret', namespace: ref.namespace, name: ref.name}, secrets)) {
            report({
              target: owner,
              path: [...ref.path, 'namespace'],
              messageId: 'notGranted',
              data: {secret: `${ref.namespace}/${ref.name}`, namespace: ref.namespace, kind: owner.kind, from: owner.namespace},
            })
          }

          // Secrets are matched from manifests only: k8s-net never reads them from a cluster.
          if (secrets.has(ref.namespace) && secrets.findAll(ref.namespace, ref.name).length === 0) {
            report({target: owner, path: [...ref.path, 'name'], messageId: 'missingSecret', data: {name: ref.name, namespace: ref.namespace}})
          }
        }
      }
    }
  },
})
