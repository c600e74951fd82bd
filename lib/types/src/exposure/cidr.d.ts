/**
 * IPv4 address sets as sorted lists of closed intervals, for ipBlock peers
 * and load balancer source ranges. IPv6 blocks are read as "other family":
 * the sources the exposure model knows are IPv4 address sets.
 */
/** A closed interval of IPv4 addresses, as unsigned 32-bit numbers. */
export type Interval = readonly [number, number];
export type AddressSet = readonly Interval[];
/** Parses `a.b.c.d/n` (or a bare address, /32). Undefined for IPv6 and anything malformed. */
export declare function parseCidr(text: unknown): Interval | undefined;
/** Whether a string is an IPv6 CIDR (has a colon): another address family than the sets here. */
export declare const isIpv6: (text: unknown) => boolean;
/** Sorts and merges intervals. */
export declare function normalize(intervals: readonly Interval[]): AddressSet;
export declare function subtract(set: AddressSet, remove: AddressSet): AddressSet;
export declare function intersects(a: AddressSet, b: AddressSet): boolean;
/** Whether every address of `inner` is in `outer`. */
export declare function covers(outer: AddressSet, inner: AddressSet): boolean;
/** Addresses that are never internet clients: private (RFC 1918), shared (100.64/10), loopback, link-local, multicast, reserved. */
export declare const NON_PUBLIC: AddressSet;
/** Private networks (RFC 1918 and the shared 100.64/10): where the clients of an internal load balancer are. */
export declare const PRIVATE: AddressSet;
/** Every public IPv4 address: the internet. */
export declare const PUBLIC: AddressSet;
export declare const ALL: AddressSet;
/** Where a node's address can be: anywhere but "this network", loopback, link-local, multicast and reserved space. */
export declare const NODE_SPACE: AddressSet;
/** Parses a list of CIDRs; undefined when one is not an IPv4 CIDR. */
export declare function parseCidrs(list: readonly unknown[]): AddressSet | undefined;
