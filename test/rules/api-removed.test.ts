import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {lintWithRule, ruleTester} from '../support/rule-tester.js'

ruleTester('api-removed', {
  valid: [
    {files: ['valid/networking-v1.yaml']},
    {name: 'a CRD kind named Ingress in another group', files: ['valid/crd-named-ingress.yaml']},
    {name: 'an Ingress in extensions/v1beta1 is still served by Kubernetes 1.21', files: ['invalid/extensions-v1beta1.yaml'], config: {kubeVersion: '1.21'}},
    {name: 'externalIPs are only deprecated at the default target (1.36)', files: ['invalid/external-ips.yaml']},
  ],
  invalid: [
    {
      files: ['invalid/extensions-v1beta1.yaml'],
      findings: [
        {object: 'Ingress default/fortune-ingress', line: 1, column: 13, endLine: 1, endColumn: 31, messageId: 'removedVersion', data: {kind: 'Ingress', apiVersion: 'extensions/v1beta1', version: '1.22', target: '1.36', replacement: 'networking.k8s.io/v1 Ingress'}},
      ],
    },
    {
      files: ['invalid/networking-v1beta1.yaml'],
      findings: [
        {object: 'IngressClass external-lb', line: 1, column: 13, endLine: 1, endColumn: 38, messageId: 'removedVersion', data: {kind: 'IngressClass', apiVersion: 'networking.k8s.io/v1beta1', version: '1.22', target: '1.36', replacement: 'networking.k8s.io/v1 IngressClass'}},
        {object: 'Ingress default/cookie', line: 12, column: 13, endLine: 12, endColumn: 38, messageId: 'removedVersion', data: {kind: 'Ingress', apiVersion: 'networking.k8s.io/v1beta1', version: '1.22', target: '1.36', replacement: 'networking.k8s.io/v1 Ingress'}},
      ],
    },
    {
      files: ['invalid/annotation-only.yaml'],
      findings: [
        {object: 'Ingress kube-system/dashboard', line: 2, column: 13, endLine: 2, endColumn: 31, messageId: 'removedVersion', data: {kind: 'Ingress', apiVersion: 'extensions/v1beta1', version: '1.22', target: '1.36', replacement: 'networking.k8s.io/v1 Ingress'}},
      ],
    },
    {
      name: 'a Deployment in extensions/v1beta1, removed in 1.16', files: ['invalid/workloads.yaml'],
      findings: [
        {object: 'Deployment default/legacy', line: 2, column: 13, endLine: 2, endColumn: 31, messageId: 'removedVersion', data: {kind: 'Deployment', apiVersion: 'extensions/v1beta1', version: '1.16', target: '1.36', replacement: 'apps/v1 Deployment'}},
      ],
    },
    {
      name: 'externalIPs at a target of 1.40, which turns them off by default', files: ['invalid/external-ips.yaml'], config: {kubeVersion: '1.40'},
      findings: [
        {object: 'Service default/my-service', line: 15, column: 5, endLine: 15, endColumn: 20, messageId: 'disabledField', data: {field: 'Service spec.externalIPs', removal: 'disabled by default', version: '1.40', target: '1.40', replacement: 'a LoadBalancer Service (or a Gateway) for an address from outside the cluster'}},
      ],
    },
  ],
})

describe('api-removed fix', () => {
  const fixes = async (file: string): Promise<unknown[]> =>
    (await lintWithRule('api-removed', {files: [file]})).map((f) => parse(f.fix ?? ''))

  it('is a rewrite for Ingress and IngressClass only', async () => {
    expect(await fixes('invalid/workloads.yaml')).toEqual([null])
  })

  it('rewrites a legacy Ingress for networking.k8s.io/v1, the class annotation moved to ingressClassName', async () => {
    expect(await fixes('invalid/extensions-v1beta1.yaml')).toEqual([
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: {
          name: 'fortune-ingress',
          namespace: 'default',
          annotations: {'nginx.ingress.kubernetes.io/backend-protocol': 'GRPC'},
        },
        spec: {
          ingressClassName: 'nginx',
          defaultBackend: {service: {name: 'default-http-backend', port: {number: 80}}},
          rules: [
            {
              host: 'fortune-teller.stack.build',
              http: {
                paths: [
                  {backend: {service: {name: 'fortune-teller-service', port: {name: 'grpc'}}}, pathType: 'ImplementationSpecific'},
                  {
                    path: '/health',
                    backend: {service: {name: 'fortune-teller-service', port: {number: 8080}}},
                    pathType: 'ImplementationSpecific',
                  },
                ],
              },
            },
          ],
          tls: [{secretName: 'fortune-teller.stack.build', hosts: ['fortune-teller.stack.build']}],
        },
      },
    ])
  })

  it('writes pathType after path, and ingressClassName first in spec', async () => {
    const [ingress] = (await fixes('invalid/extensions-v1beta1.yaml')) as Array<{spec: {rules: Array<{http: {paths: object[]}}>}}>
    expect(Object.keys(ingress!.spec)).toEqual(['ingressClassName', 'defaultBackend', 'rules', 'tls'])
    expect(ingress!.spec.rules[0]!.http.paths.map((p) => Object.keys(p))).toEqual([
      ['pathType', 'backend'],
      ['path', 'pathType', 'backend'],
    ])
  })

  it('keeps ingressClassName and pathType that are set, and only changes the apiVersion of an IngressClass', async () => {
    const [ingressClass, ingress] = await fixes('invalid/networking-v1beta1.yaml')
    expect(ingressClass).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: {name: 'external-lb'},
      spec: {
        controller: 'example.com/ingress-controller',
        parameters: {apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb'},
      },
    })
    expect(ingress).toMatchObject({
      apiVersion: 'networking.k8s.io/v1',
      metadata: {annotations: {'nginx.ingress.kubernetes.io/affinity': 'cookie'}},
      spec: {
        ingressClassName: 'external-lb',
        rules: [{http: {paths: [{path: '/', pathType: 'Prefix', backend: {service: {name: 'http-svc', port: {number: 80}}}}]}}],
      },
    })
  })

  it('drops annotations that held only the class', async () => {
    const [ingress] = await fixes('invalid/annotation-only.yaml')
    expect(ingress).toMatchObject({metadata: {name: 'dashboard', namespace: 'kube-system'}, spec: {ingressClassName: 'traefik'}})
    expect((ingress as {metadata: object}).metadata).not.toHaveProperty('annotations')
  })
})
