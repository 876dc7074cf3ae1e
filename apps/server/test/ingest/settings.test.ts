// INGEST_* configuration: validated at start, turned into the fetcher's policy.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, VARIABLES } from '../../src/config.js';
import { checkAddress } from '../../src/ingest/fetch/address-policy.js';
import { fetcherFromConfig, fetchPolicyFromConfig } from '../../src/ingest/settings.js';

describe('INGEST_* variables', () => {
  it('are documented and default to "no exceptions", 32 MiB, 60 s', () => {
    expect(VARIABLES.map((v) => v.name)).toEqual(expect.arrayContaining(['INGEST_ALLOWED_NETWORKS', 'INGEST_ALLOWED_HOSTS', 'INGEST_MAX_BYTES', 'INGEST_TIMEOUT_MS']));
    const config = loadConfig({});
    expect(config).toMatchObject({ ingestAllowedNetworks: [], ingestAllowedHosts: [], ingestMaxBytes: 33_554_432, ingestTimeoutMs: 60_000 });
    const policy = fetchPolicyFromConfig(config);
    expect(checkAddress('127.0.0.1', policy.allow).allowed).toBe(false);
  });

  it('read lists of networks and hosts', () => {
    const config = loadConfig({ INGEST_ALLOWED_NETWORKS: '10.1.2.0/24, 127.0.0.1 ,fd00::/8', INGEST_ALLOWED_HOSTS: 'feeds.internal,*.corp.example' });
    expect(config.ingestAllowedNetworks).toEqual(['10.1.2.0/24', '127.0.0.1', 'fd00::/8']);
    const policy = fetchPolicyFromConfig(config);
    expect(checkAddress('10.1.2.3', policy.allow).allowed).toBe(true);
    expect(checkAddress('127.0.0.1', policy.allow).allowed).toBe(true);
    expect(checkAddress('127.0.0.2', policy.allow).allowed).toBe(false);
    expect(policy.allow!.hosts).toEqual(['feeds.internal', '*.corp.example']);
  });

  it('stop the start with a message naming the variable', () => {
    expect(() => loadConfig({ INGEST_ALLOWED_NETWORKS: '10.0.0.0/8,banana,300.1.1.1/8' })).toThrow(ConfigError);
    expect(() => loadConfig({ INGEST_ALLOWED_NETWORKS: 'banana' })).toThrow('INGEST_ALLOWED_NETWORKS must be a comma-separated list of IP networks like 10.1.2.0/24, got "banana"');
    expect(() => loadConfig({ INGEST_ALLOWED_HOSTS: 'http://x/' })).toThrow(/INGEST_ALLOWED_HOSTS must be a comma-separated list of host names/);
    expect(() => loadConfig({ INGEST_MAX_BYTES: '12kb' })).toThrow(/INGEST_MAX_BYTES must be a whole number/);
  });

  it('make a fetcher that honours them (loopback allowed by configuration)', async () => {
    const server = createServer((_req, res) => res.end('<rss/>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      await expect(fetcherFromConfig(loadConfig({})).fetch(target)).rejects.toThrow(/loopback/);
      const result = await fetcherFromConfig(loadConfig({ INGEST_ALLOWED_NETWORKS: '127.0.0.1/32', PUBLIC_URL: 'https://thmnayah.example' })).fetch(target);
      expect(result.status).toBe(200);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
