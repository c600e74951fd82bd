import {describe, expect, it} from 'vitest'
import {mentionsPort, portTraffic, resolveTargetPort, targetPortDeclarations} from '../../src/k8s/ports.js'
import type {ServicePort} from '../../src/k8s/services.js'
import {longRunningContainers} from '../../src/k8s/workloads.js'
import {deployment, indexOf} from './helpers.js'

const port = (p: Partial<ServicePort>): ServicePort => ({index: 0, protocol: 'TCP', ...p})

describe('portTraffic', () => {
  it.each([
    [{port: 5000, appProtocol: 'kubernetes.io/wss'}, 'http'],
    [{port: 80, appProtocol: 'kubernetes.io/tcp'}, 'other'],
    [{port: 9000, name: 'https-admin'}, 'http'],
    [{port: 9000, name: 'grpc'}, 'http'],
    [{port: 443, name: 'tls'}, 'other'],
    [{port: 3306, name: 'mysql'}, 'other'],
    [{port: 8443}, 'http'],
    [{port: 80, protocol: 'UDP'}, 'other'],
    [{port: 9000}, 'unknown'],
    [{port: 9000, name: 'metrics'}, 'unknown'],
  ] as const)('%j carries %s', (p, traffic) => {
    expect(portTraffic(port(p))).toBe(traffic)
  })
})

describe('targetPort resolution', () => {
  const template = indexOf(
    deployment('web', {app: 'web'}, [
      {name: 'web', image: 'web', ports: [{name: 'http', containerPort: 8080}, {name: 'dns', containerPort: 53, protocol: 'UDP'}]},
    ]),
  ).podTemplates[0]!

  it('resolves a name to its number, a number to itself, and defaults to port', () => {
    expect(resolveTargetPort(port({port: 80, targetPort: 'http'}), template)?.number).toBe(8080)
    expect(resolveTargetPort(port({port: 80, targetPort: 9090}), template)).toEqual({number: 9090})
    expect(resolveTargetPort(port({port: 8080}), template)?.match?.port.name).toBe('http')
    expect(resolveTargetPort(port({port: 80, targetPort: 'admin'}), template)).toBeUndefined()
  })

  it('matches the protocol too', () => {
    const tcp = targetPortDeclarations(port({port: 53, targetPort: 'dns'}), [template])
    expect(tcp.matching).toEqual([])
    expect(tcp.otherProtocol.map((m) => m.port.protocol)).toEqual(['UDP'])
    expect(resolveTargetPort(port({port: 53, targetPort: 'dns', protocol: 'UDP'}), template)?.number).toBe(53)
  })
})

describe('mentionsPort', () => {
  const container = (c: Record<string, unknown>) =>
    longRunningContainers(indexOf(deployment('x', {app: 'x'}, [{name: 'x', image: 'x', ...c}])).podTemplates[0]!)[0]!

  it('finds the number as a whole in command, args and env values', () => {
    expect(mentionsPort(container({args: ['--listen=0.0.0.0:8080']}), 8080)).toBe(true)
    expect(mentionsPort(container({command: ['serve', '8080']}), 8080)).toBe(true)
    expect(mentionsPort(container({env: [{name: 'PORT', value: '8080'}]}), 8080)).toBe(true)
    expect(mentionsPort(container({args: ['--port=18080']}), 8080)).toBe(false)
    expect(mentionsPort(container({args: 'not a list', env: [null]}), 8080)).toBe(false)
  })
})
