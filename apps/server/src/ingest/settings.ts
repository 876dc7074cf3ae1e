// The importer's limits and address exceptions from the server configuration (INGEST_* variables).
import type { Config } from '../config.js';
import { parseAllowList } from './fetch/address-policy.js';
import { createFetcher, type FetchPolicy, type Fetcher } from './fetch/safe-fetch.js';
import type { XmlLimits } from './xml.js';

type IngestConfig = Pick<Config, 'ingestAllowedNetworks' | 'ingestAllowedHosts' | 'ingestMaxBytes' | 'ingestTimeoutMs' | 'publicUrl'>;

export function fetchPolicyFromConfig(config: IngestConfig): Partial<FetchPolicy> {
  return {
    allow: parseAllowList(config.ingestAllowedNetworks, config.ingestAllowedHosts),
    maxBytes: config.ingestMaxBytes,
    totalTimeoutMs: config.ingestTimeoutMs,
    // Feed hosts see who reads them and how to reach the operator.
    userAgent: `Thmnayah-Ingest/0.1 (+${config.publicUrl})`,
  };
}

export function xmlLimitsFromConfig(config: IngestConfig): Partial<XmlLimits> {
  return { maxBytes: config.ingestMaxBytes };
}

export function fetcherFromConfig(config: IngestConfig): Fetcher {
  return createFetcher(fetchPolicyFromConfig(config));
}
