import {vi} from 'vitest'
import {ruleTester} from '../support/rule-tester.js'

// The rule measures a Service's age against the clock: fix the clock (Date only) so that ages in messages are stable.
vi.useFakeTimers({toFake: ['Date'], now: new Date('2025-06-01T12:00:00Z')})

ruleTester('loadbalancer-pending', {
  valid: [
    {files: ['valid/has-address.yaml'], live: true},
    {files: ['valid/just-created.yaml'], live: true},
    {files: ['valid/other-types.yaml'], live: true},
    {name: 'a grace period of 15 minutes covers a Service 10 minutes old', files: ['invalid/ten-minutes-old.yaml'], options: {gracePeriodSeconds: 900}, live: true},
    {name: 'silent when the objects do not come from a live cluster (status means nothing in a manifest)', files: ['invalid/no-provider.yaml']},
  ],
  invalid: [
    {
      files: ['invalid/no-provider.yaml'],
      live: true,
      findings: [
        {object: 'Service shop/storefront', line: 18, column: 17, endLine: 18, endColumn: 19, messageId: 'noAddressSince', data: {age: '21 days'}},
      ],
    },
    {
      files: ['invalid/ten-minutes-old.yaml'],
      live: true,
      findings: [
        {object: 'Service shop/web', line: 16, column: 5, endLine: 16, endColumn: 16, messageId: 'noAddressSince', data: {age: '10 minutes'}},
      ],
    },
    {
      name: 'no status and no creation time: the address is missing, the age unknown',
      files: ['invalid/no-status-no-age.yaml'],
      live: true,
      findings: [
        {object: 'Service shop/web', line: 8, column: 9, endLine: 8, endColumn: 21, messageId: 'noAddress'},
      ],
    },
    {
      files: ['invalid/load-balancer-class.yaml'],
      live: true,
      findings: [
        {
          object: 'Service shop/web',
          line: 17,
          column: 5,
          endLine: 21,
          endColumn: 27,
          messageId: 'noAddressOfClassSince',
          data: {age: '2 days', loadBalancerClass: 'example.com/internal-lb'},
        },
      ],
    },
  ],
})
