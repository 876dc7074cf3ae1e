// Redis as components/redis-sentinel runs it: a master, a replica and three sentinels, all with a
// password, as processes on loopback. `redis-server --sentinel` is Sentinel (the Debian redis-sentinel
// package only adds a service around the same binary).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { findBinary, freePort, startChild, tempDir, until, type Child } from './processes.js';

export const redisBinary = () => findBinary([process.env.REDIS_SERVER ?? '/usr/bin/redis-server']);
export const MASTER_NAME = 'thmnayah';
export const PASSWORD = 'drill-only-redis-password';

export interface RedisNode {
  port: number;
  child: Child;
}

export interface SentinelCluster {
  master: RedisNode;
  replica: RedisNode;
  sentinels: RedisNode[];
  /** A client of one data node (by port). */
  client(port: number): Redis;
  /** The port the sentinels name as master now. */
  masterPort(): Promise<number>;
  close(): Promise<void>;
}

export async function startSentinelCluster(): Promise<SentinelCluster> {
  const binary = redisBinary()!;
  const dir = tempDir('thmnayah-redis-drill-');
  const children: Child[] = [];
  const clients: Redis[] = [];
  const start = async (name: string, lines: string[], sentinel = false): Promise<RedisNode> => {
    const port = await freePort();
    const conf = join(dir, `${name}.conf`);
    writeFileSync(conf, [`port ${port}`, 'bind 127.0.0.1', `dir ${dir}`, 'save ""', 'appendonly no', ...lines].join('\n') + '\n');
    const child = startChild(binary, [conf, ...(sentinel ? ['--sentinel'] : [])]);
    children.push(child);
    await until(`${name} on port ${port}`, async () => {
      const probe = new Redis({ port, host: '127.0.0.1', password: PASSWORD, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => {});
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG';
      } finally {
        probe.disconnect();
      }
    }).catch((error: Error) => {
      throw new Error(`${error.message}\n${child.output()}`);
    });
    return { port, child };
  };
  try {
    const auth = [`requirepass ${PASSWORD}`, `masterauth ${PASSWORD}`];
    const master = await start('master', auth);
    const replica = await start('replica', [...auth, `replicaof 127.0.0.1 ${master.port}`]);
    const sentinels: RedisNode[] = [];
    for (let i = 0; i < 3; i++) {
      // Quorum 2 of 3; a master silent for 1 s is down (the component uses 5 s: pods restart slower).
      sentinels.push(
        await start(`sentinel-${i}`, [
          `requirepass ${PASSWORD}`,
          `sentinel monitor ${MASTER_NAME} 127.0.0.1 ${master.port} 2`,
          `sentinel auth-pass ${MASTER_NAME} ${PASSWORD}`,
          `sentinel down-after-milliseconds ${MASTER_NAME} 1000`,
          `sentinel failover-timeout ${MASTER_NAME} 10000`,
          `sentinel parallel-syncs ${MASTER_NAME} 1`,
        ], true),
      );
    }
    const cluster: SentinelCluster = {
      master,
      replica,
      sentinels,
      client(port) {
        const c = new Redis({ port, host: '127.0.0.1', password: PASSWORD, maxRetriesPerRequest: 1 });
        c.on('error', () => {});
        clients.push(c);
        return c;
      },
      async masterPort() {
        const s = cluster.client(sentinels[0]!.port);
        const [, port] = (await s.call('SENTINEL', 'get-master-addr-by-name', MASTER_NAME)) as [string, string];
        s.disconnect();
        return Number(port);
      },
      async close() {
        for (const c of clients) c.disconnect();
        for (const child of children.reverse()) await child.stop('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      },
    };
    // The replica is in sync and every sentinel knows the other two and the replica.
    await until('replication and sentinels settled', async () => {
      const r = cluster.client(replica.port);
      const info = await r.info('replication');
      r.disconnect();
      if (!/master_link_status:up/.test(info)) return false;
      for (const s of sentinels) {
        const c = cluster.client(s.port);
        const master = (await c.call('SENTINEL', 'master', MASTER_NAME)) as string[];
        c.disconnect();
        const field = (k: string) => master[master.indexOf(k) + 1];
        if (field('num-other-sentinels') !== '2' || field('num-slaves') !== '1') return false;
      }
      return true;
    }, 20_000, 200);
    return cluster;
  } catch (error) {
    for (const c of clients) c.disconnect();
    for (const child of children.reverse()) await child.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
