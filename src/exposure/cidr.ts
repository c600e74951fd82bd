/**
 * IPv4 address sets as sorted lists of closed intervals, for ipBlock peers
 * and load balancer source ranges. IPv6 blocks are read as "other family":
 * the sources the exposure model knows are IPv4 address sets.
 */

/** A closed interval of IPv4 addresses, as unsigned 32-bit numbers. */
export type Interval = readonly [number, number]
export type AddressSet = readonly Interval[]

const OCTET = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/

/** Parses `a.b.c.d/n` (or a bare address, /32). Undefined for IPv6 and anything malformed. */
export function parseCidr(text: unknown): Interval | undefined {
  if (typeof text !== 'string') return undefined
  const [address, bits, extra] = text.trim().split('/')
  if (extra !== undefined || address === undefined) return undefined
  const octets = address.split('.')
  if (octets.length !== 4 || !octets.every((o) => OCTET.test(o))) return undefined
  const prefix = bits === undefined ? 32 : /^(?:3[0-2]|[12]?\d)$/.test(bits) ? Number(bits) : Number.NaN
  if (Number.isNaN(prefix)) return undefined
  const value = octets.reduce((n, o) => n * 256 + Number(o), 0)
  const size = 2 ** (32 - prefix)
  const start = value - (value % size)
  return [start, start + size - 1]
}

/** Whether a string is an IPv6 CIDR (has a colon): another address family than the sets here. */
export const isIpv6 = (text: unknown): boolean => typeof text === 'string' && text.includes(':')

/** Sorts and merges intervals. */
export function normalize(intervals: readonly Interval[]): AddressSet {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0])
  const out: Array<[number, number]> = []
  for (const [s, e] of sorted) {
    const last = out.at(-1)
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e)
    else out.push([s, e])
  }

  return out
}

export function subtract(set: AddressSet, remove: AddressSet): AddressSet {
  let out: Array<[number, number]> = set.map(([s, e]) => [s, e])
  for (const [rs, re] of remove) {
    const next: Array<[number, number]> = []
    for (const [s, e] of out) {
      if (re < s || rs > e) next.push([s, e])
      else {
        if (rs > s) next.push([s, rs - 1])
        if (re < e) next.push([re + 1, e])
      }
    }

    out = next
  }

  return out
}

export function intersects(a: AddressSet, b: AddressSet): boolean {
  return a.some(([s, e]) => b.some(([t, u]) => s <= u && t <= e))
}

/** Whether every address of `inner` is in `outer`. */
export function covers(outer: AddressSet, inner: AddressSet): boolean {
  return subtract(inner, outer).length === 0
}

const ranges = (...cidrs: string[]): AddressSet => normalize(cidrs.map((c) => parseCidr(c)!))

/** Addresses that are never internet clients: private (RFC 1918), shared (100.64/10), loopback, link-local, multicast, reserved. */
export const NON_PUBLIC: AddressSet = ranges('0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/4', '240.0.0.0/4')
/** Private networks (RFC 1918 and the shared 100.64/10): where the clients of an internal load balancer are. */
export const PRIVATE: AddressSet = ranges('10.0.0.0/8', '100.64.0.0/10', '172.16.0.0/12', '192.168.0.0/16')
/** Every public IPv4 address: the internet. */
export const PUBLIC: AddressSet = subtract([[0, 2 ** 32 - 1]], NON_PUBLIC)
export const ALL: AddressSet = [[0, 2 ** 32 - 1]]
/** Where a node's address can be: anywhere but "this network", loopback, link-local, multicast and reserved space. */
export const NODE_SPACE: AddressSet = subtract(ALL, ranges('0.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '224.0.0.0/4', '240.0.0.0/4'))

/** Parses a list of CIDRs; undefined when one is not an IPv4 CIDR. */
export function parseCidrs(list: readonly unknown[]): AddressSet | undefined {
  const out: Interval[] = []
  for (const text of list) {
    const parsed = parseCidr(text)
    if (!parsed) return undefined
    out.push(parsed)
  }

  return normalize(out)
}
