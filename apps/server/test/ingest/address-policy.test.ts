// The address policy, as a table: every refused range, its edges, and the neighbours just outside it.
// Pure function: no address here is ever connected to.
import { describe, expect, it } from 'vitest';
import { checkAddress, hostAllowed, isMetadataAddress, parseAllowList } from '../../src/ingest/fetch/address-policy.js';

const refused: [string, RegExp][] = [
  // IPv4
  ['0.0.0.0', /"this network" 0\.0\.0\.0\/8/],
  ['0.255.255.255', /"this network"/],
  ['10.0.0.0', /private network 10\.0\.0\.0\/8/],
  ['10.0.0.1', /private network 10\.0\.0\.0\/8/],
  ['10.255.255.255', /private network 10\.0\.0\.0\/8/],
  ['100.64.0.0', /carrier-grade NAT 100\.64\.0\.0\/10/],
  ['100.127.255.255', /carrier-grade NAT/],
  ['100.100.100.200', /cloud metadata \(Alibaba\)/],
  ['127.0.0.1', /loopback 127\.0\.0\.0\/8/],
  ['127.255.255.254', /loopback/],
  ['169.254.0.1', /link-local 169\.254\.0\.0\/16/],
  ['169.254.169.254', /cloud metadata \(AWS, GCP, Azure, OpenStack\) 169\.254\.169\.254\/32/],
  ['169.254.170.2', /cloud metadata \(AWS ECS task\)/],
  ['168.63.129.16', /cloud metadata \(Azure wire server\)/],
  ['172.16.0.0', /private network 172\.16\.0\.0\/12/],
  ['172.31.255.255', /private network 172\.16\.0\.0\/12/],
  ['192.0.0.1', /IETF protocol assignments/],
  ['192.0.0.192', /cloud metadata \(Oracle\)/],
  ['192.0.2.10', /documentation \(TEST-NET-1\)/],
  ['192.88.99.1', /6to4 relay anycast/],
  ['192.168.0.1', /private network 192\.168\.0\.0\/16/],
  ['192.168.255.255', /private network 192\.168\.0\.0\/16/],
  ['198.18.0.1', /benchmarking/],
  ['198.19.255.255', /benchmarking/],
  ['198.51.100.7', /TEST-NET-2/],
  ['203.0.113.9', /TEST-NET-3/],
  ['224.0.0.1', /multicast 224\.0\.0\.0\/4/],
  ['239.255.255.255', /multicast/],
  ['240.0.0.1', /reserved 240\.0\.0\.0\/4/],
  ['255.255.255.255', /reserved/],
  // IPv6
  ['::', /unspecified/],
  ['::1', /loopback ::1\/128/],
  ['::2', /reserved IPv6/],
  ['::127.0.0.1', /reserved IPv6/], // IPv4-compatible (deprecated), not IPv4-mapped
  ['::8.8.8.8', /reserved IPv6/],
  ['fc00::1', /unique local fc00::\/7/],
  ['fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', /unique local/],
  ['fd00:ec2::254', /cloud metadata \(AWS IPv6\)/],
  ['fe80::1', /link-local fe80::\/10/],
  ['fe80::1%eth0', /link-local/],
  ['febf:ffff::1', /link-local/],
  ['fec0::1', /site-local/],
  ['ff02::1', /multicast ff00::\/8/],
  ['100::1', /discard-only/],
  ['2001:db8::1', /documentation 2001:db8::\/32/],
  ['2001::1', /IETF protocol assignments/], // Teredo
  ['2001:2::1', /IETF protocol assignments/], // benchmarking
  ['3fff::1', /documentation 3fff::\/20/],
  ['1fff:ffff::1', /outside 2000::\/3/],
  ['4000::1', /outside 2000::\/3/],
  // IPv6 forms that carry an IPv4 address are judged by it.
  ['::ffff:127.0.0.1', /loopback/],
  ['::ffff:7f00:1', /loopback/],
  ['::ffff:10.0.0.1', /private network/],
  ['::ffff:169.254.169.254', /cloud metadata/],
  ['64:ff9b::a00:1', /private network/], // NAT64 of 10.0.0.1
  ['64:ff9b::7f00:1', /loopback/],
  ['64:ff9b:1::1', /NAT64 local use/],
  ['2002:a00:1::', /private network/], // 6to4 of 10.0.0.1
  ['2002:7f00:1::1', /loopback/],
  // Not an address at all, or one in a lenient notation a URL parser would have normalised.
  ['localhost', /not an IP address/],
  ['127.1', /not an IP address/],
  ['0x7f.0.0.1', /not an IP address/],
];

const allowed = [
  // Neighbours just outside each IPv4 range
  '1.0.0.0', '9.255.255.255', '11.0.0.0', '100.63.255.255', '100.128.0.0', '126.255.255.255', '128.0.0.0',
  '169.253.255.255', '169.255.0.0', '172.15.255.255', '172.32.0.0', '191.255.255.255', '192.0.1.0', '192.0.3.0',
  '192.88.98.255', '192.88.100.0', '192.167.255.255', '192.169.0.0', '198.17.255.255', '198.20.0.0',
  '198.51.99.255', '198.51.101.0', '203.0.112.255', '203.0.114.0', '223.255.255.255', '168.63.129.17',
  '8.8.8.8', '1.1.1.1', '93.184.215.14',
  // IPv6 global unicast and embedded public IPv4
  '2000::1', '2001:200::1', '2001:4860:4860::8888', '2606:4700:4700::1111', '2001:db9::1', '3fff:1000::1', '2a00:1450:4001:81c::200e',
  '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1',
];

describe('the address policy', () => {
  it.each(refused)('refuses %s', (address, range) => {
    const verdict = checkAddress(address);
    expect(verdict.allowed).toBe(false);
    expect(verdict.range).toMatch(range);
  });

  it.each(allowed)('allows %s', (address) => {
    expect(checkAddress(address)).toMatchObject({ allowed: true, range: 'global unicast' });
  });

  it('names the IPv4 address inside an IPv6 form it refuses', () => {
    expect(checkAddress('::ffff:10.0.0.1').address).toBe('::ffff:10.0.0.1 (IPv4 10.0.0.1)');
    expect(checkAddress('64:ff9b::a00:1').address).toBe('64:ff9b::a00:1 (IPv4 10.0.0.1)');
  });

  it('allows configured networks, IPv4-mapped forms of them too', () => {
    const allow = parseAllowList(['127.0.0.0/8', '10.1.2.0/24', 'fd12::/16', '192.168.1.5'], []);
    expect(checkAddress('127.0.0.1', allow)).toMatchObject({ allowed: true, range: 'allowed by configuration' });
    expect(checkAddress('::ffff:127.0.0.1', allow).allowed).toBe(true);
    expect(checkAddress('10.1.2.200', allow).allowed).toBe(true);
    expect(checkAddress('10.1.3.1', allow).allowed).toBe(false);
    expect(checkAddress('fd12:3456::1', allow).allowed).toBe(true);
    expect(checkAddress('192.168.1.5', allow).allowed).toBe(true);
    expect(checkAddress('192.168.1.6', allow).allowed).toBe(false);
    expect(checkAddress('::1', allow).allowed).toBe(false);
  });

  it('lets an allowed host resolve to private addresses, never to a metadata endpoint', () => {
    expect(checkAddress('10.0.0.5', undefined, { hostAllowed: true })).toMatchObject({ allowed: true, range: 'allowed host (private network 10.0.0.0/8)' });
    expect(checkAddress('169.254.169.254', undefined, { hostAllowed: true }).allowed).toBe(false);
    expect(checkAddress('::ffff:169.254.169.254', undefined, { hostAllowed: true }).allowed).toBe(false);
    expect(isMetadataAddress('64:ff9b::a9fe:a9fe')).toBe(true);
  });

  it('matches host patterns exactly or by subdomain', () => {
    const patterns = ['feeds.internal', '*.example.org'];
    expect(hostAllowed('feeds.internal', patterns)).toBe(true);
    expect(hostAllowed('FEEDS.internal.', patterns)).toBe(true);
    expect(hostAllowed('x.feeds.internal', patterns)).toBe(false);
    expect(hostAllowed('a.example.org', patterns)).toBe(true);
    expect(hostAllowed('a.b.example.org', patterns)).toBe(true);
    expect(hostAllowed('example.org', patterns)).toBe(false);
    expect(hostAllowed('evilexample.org', patterns)).toBe(false);
  });

  it('rejects bad configuration entries by name', () => {
    expect(() => parseAllowList(['10.0.0.0/33'], [])).toThrow('"10.0.0.0/33" is not a CIDR network');
    expect(() => parseAllowList(['banana'], [])).toThrow('"banana" is not a CIDR network');
    expect(() => parseAllowList([], ['http://x'])).toThrow('"http://x" is not a host name');
  });
});
