// Which IP addresses the importer may connect to. A pure function over addresses, so the whole policy is
// a table test away. The rule: only globally routable unicast addresses. Everything in IANA's
// special-purpose registries (private, loopback, link-local, carrier-grade NAT, documentation, multicast,
// reserved ...) and the cloud metadata endpoints are refused, unless an allow-list says otherwise.
// IPv6 forms that carry an IPv4 address (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16)
// are judged by the IPv4 address inside, since that is where the packets end up.
// CIDR math is ipaddr.js's (parsing and prefix matching), not ours.
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = [Address, number];

export interface AddressVerdict {
  allowed: boolean;
  /** The address as checked (IPv4 inside IPv6 forms is reported as such). */
  address: string;
  /** The refusing range's name and CIDR, or "global unicast" / "allowed by configuration". */
  range: string;
}

export interface AllowList {
  /** Networks the configuration allows even though they are special (e.g. a feed server on 10.1.2.0/24). */
  networks: Cidr[];
  /** Host names (exact, or "*.example.org" for subdomains) whose addresses may be private, not metadata. */
  hosts: string[];
}

export const NO_EXCEPTIONS: AllowList = { networks: [], hosts: [] };

const cidr = (text: string): Cidr => ipaddr.parseCIDR(text);

/** Instance metadata services: credentials live there. Listed first so their name shows in refusals. */
const METADATA: [string, Cidr][] = [
  ['cloud metadata (AWS, GCP, Azure, OpenStack)', cidr('169.254.169.254/32')],
  ['cloud metadata (AWS ECS task)', cidr('169.254.170.2/32')],
  ['cloud metadata (Alibaba)', cidr('100.100.100.200/32')],
  ['cloud metadata (Azure wire server)', cidr('168.63.129.16/32')],
  ['cloud metadata (Oracle)', cidr('192.0.0.192/32')],
  ['cloud metadata (AWS IPv6)', cidr('fd00:ec2::254/128')],
];

const SPECIAL_V4: [string, Cidr][] = [
  ['"this network"', cidr('0.0.0.0/8')],
  ['private network', cidr('10.0.0.0/8')],
  ['carrier-grade NAT', cidr('100.64.0.0/10')],
  ['loopback', cidr('127.0.0.0/8')],
  ['link-local', cidr('169.254.0.0/16')],
  ['private network', cidr('172.16.0.0/12')],
  ['IETF protocol assignments', cidr('192.0.0.0/24')],
  ['documentation (TEST-NET-1)', cidr('192.0.2.0/24')],
  ['6to4 relay anycast', cidr('192.88.99.0/24')],
  ['private network', cidr('192.168.0.0/16')],
  ['benchmarking', cidr('198.18.0.0/15')],
  ['documentation (TEST-NET-2)', cidr('198.51.100.0/24')],
  ['documentation (TEST-NET-3)', cidr('203.0.113.0/24')],
  ['multicast', cidr('224.0.0.0/4')],
  ['reserved', cidr('240.0.0.0/4')], // includes 255.255.255.255, the limited broadcast address
];

/** Of IPv6, only 2000::/3 is global unicast; inside it these are special. */
const GLOBAL_V6 = cidr('2000::/3');
const SPECIAL_V6: [string, Cidr][] = [
  ['IETF protocol assignments (Teredo, benchmarking, ORCHID)', cidr('2001::/23')],
  ['documentation', cidr('2001:db8::/32')],
  ['documentation', cidr('3fff::/20')],
  ['segment routing SIDs', cidr('5f00::/16')],
];
const NAMED_V6: [string, Cidr][] = [
  ['unspecified', cidr('::/128')],
  ['loopback', cidr('::1/128')],
  ['NAT64 local use', cidr('64:ff9b:1::/48')],
  ['discard-only', cidr('100::/64')],
  ['unique local', cidr('fc00::/7')],
  ['link-local', cidr('fe80::/10')],
  ['site-local (deprecated)', cidr('fec0::/10')],
  ['multicast', cidr('ff00::/8')],
];
const NAT64 = cidr('64:ff9b::/96');
const SIX_TO_FOUR = cidr('2002::/16');

const matches = (address: Address, [network, bits]: Cidr) => address.kind() === network.kind() && address.match(network, bits);
const show = ([network, bits]: Cidr) => `${network.toString()}/${bits}`;

/** The IPv4 address an IPv6 address delivers to, for the forms that embed one. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  if (address.isIPv4MappedAddress()) return address.toIPv4Address();
  const bytes = address.toByteArray();
  if (matches(address, NAT64)) return new ipaddr.IPv4(bytes.slice(12, 16));
  if (matches(address, SIX_TO_FOUR)) return new ipaddr.IPv4(bytes.slice(2, 6));
  return undefined;
}

/** Why an address is special, or undefined for global unicast. */
function specialRange(address: Address): string | undefined {
  for (const [name, range] of METADATA) if (matches(address, range)) return `${name} ${show(range)}`;
  if (address.kind() === 'ipv4') {
    for (const [name, range] of SPECIAL_V4) if (matches(address, range)) return `${name} ${show(range)}`;
    return undefined;
  }
  for (const [name, range] of NAMED_V6) if (matches(address, range)) return `${name} ${show(range)}`;
  if (!matches(address, GLOBAL_V6)) return 'reserved IPv6 (outside 2000::/3)';
  for (const [name, range] of SPECIAL_V6) if (matches(address, range)) return `${name} ${show(range)}`;
  return undefined;
}

export function isMetadataAddress(text: string): boolean {
  const parsed = parseAddress(text);
  if (!parsed) return false;
  const inner = parsed.kind() === 'ipv6' ? embeddedIPv4(parsed as ipaddr.IPv6) : undefined;
  return METADATA.some(([, range]) => matches(parsed, range) || (inner !== undefined && matches(inner, range)));
}

function parseAddress(text: string): Address | undefined {
  // Only the canonical notations: DNS answers and WHATWG-normalised URL hosts are always in them, and
  // ipaddr.js's extra leniency ("127.1", "0x7f.0.0.1") has no business in a security check.
  const bare = text.replace(/^\[|\]$/g, '').split('%')[0] ?? '';
  const family = isIP(bare);
  if (family === 0) return undefined;
  try {
    // ipaddr.js reads the deprecated IPv4-compatible "::10.0.0.1" as IPv4-mapped "::ffff:10.0.0.1"; the
    // WHATWG URL parser writes dotted IPv6 tails in hex first ("::a00:1"), which ipaddr.js reads right.
    return ipaddr.parse(family === 6 && bare.includes('.') ? new URL(`http://[${bare}]/`).hostname.slice(1, -1) : bare);
  } catch {
    return undefined;
  }
}

/** The policy: may the importer connect to this address? */
export function checkAddress(text: string, allow: AllowList = NO_EXCEPTIONS, options: { hostAllowed?: boolean } = {}): AddressVerdict {
  const address = parseAddress(text);
  if (!address) return { allowed: false, address: text, range: 'not an IP address' };
  const inner = address.kind() === 'ipv6' ? embeddedIPv4(address as ipaddr.IPv6) : undefined;
  const candidates = inner ? [address, inner] : [address];
  if (allow.networks.some((network) => candidates.some((a) => matches(a, network)))) {
    return { allowed: true, address: text, range: 'allowed by configuration' };
  }
  // IPv4-mapped and NAT64 addresses go where their IPv4 part says; 6to4 goes through a relay to it.
  const special = specialRange(inner ?? address);
  if (special === undefined) return { allowed: true, address: text, range: 'global unicast' };
  const metadata = isMetadataAddress(text);
  // A host on the allow-list may resolve to private addresses, never to a metadata endpoint.
  if (options.hostAllowed && !metadata) return { allowed: true, address: text, range: `allowed host (${special})` };
  return { allowed: false, address: inner ? `${text} (IPv4 ${inner.toString()})` : text, range: special };
}

/** Host allow-list matching: "feeds.example.org" exactly, "*.example.org" for any subdomain. */
export function hostAllowed(hostname: string, patterns: string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return patterns.some((pattern) => {
    const p = pattern.toLowerCase().replace(/\.$/, '');
    return p.startsWith('*.') ? host.endsWith(p.slice(1)) && host.length > p.length - 1 : host === p;
  });
}

/** Parses the configured lists; throws with the bad entry named. */
export function parseAllowList(networks: string[], hosts: string[]): AllowList {
  return {
    networks: networks.map((entry) => {
      const text = entry.includes('/') ? entry : `${entry}/${isIP(entry) === 6 ? 128 : 32}`;
      try {
        return ipaddr.parseCIDR(text);
      } catch {
        throw new Error(`"${entry}" is not a CIDR network (like 10.1.2.0/24 or fd00::/8) or an IP address`);
      }
    }),
    hosts: hosts.map((h) => {
      if (!/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i.test(h)) {
        throw new Error(`"${h}" is not a host name (like feeds.example.org or *.example.org)`);
      }
      return h;
    }),
  };
}
