// NATS as components/nats-cluster runs it: three JetStream servers in one cluster, with a client
// user and password, as processes on loopback.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { findBinary, freePort, startChild, tempDir, until, type Child } from './processes.js';

export const natsBinary = () => findBinary([process.env.NATS_SERVER ?? '/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server']);
export const USER = 'thmnayah';
export const PASSWORD = 'drill-only-nats-password';

export interface NatsNode {
  name: string;
  port: number;
  child: Child;
}

export interface NatsCluster {
  nodes: NatsNode[];
  /** The client URL of node 0 (the client learns the other nodes from the cluster, as behind a Service). */
  url: string;
  close(): Promise<void>;
}

export async function startNatsCluster(): Promise<NatsCluster> {
  const binary = natsBinary()!;
  const dir = tempDir('thmnayah-nats-drill-');
  const ports = await Promise.all([0, 1, 2].map(async () => ({ client: await freePort(), cluster: await freePort() })));
  const nodes: NatsNode[] = [];
  try {
    for (const [i, p] of ports.entries()) {
      const name = `nats-${i}`;
      const conf = join(dir, `${name}.conf`);
      writeFileSync(
        conf,
        `server_name: ${name}
listen: 127.0.0.1:${p.client}
jetstream { store_dir: "${join(dir, name)}", max_memory_store: 64MB, max_file_store: 1GB }
authorization { user: ${USER}, password: ${PASSWORD} }
cluster {
  name: thmnayah
  listen: 127.0.0.1:${p.cluster}
  routes: [${ports.map((q) => `nats-route://127.0.0.1:${q.cluster}`).join(', ')}]
}
`,
      );
      nodes.push({ name, port: p.client, child: startChild(binary, ['-c', conf]) });
    }
    const url = `nats://${USER}:${PASSWORD}@127.0.0.1:${nodes[0]!.port}`;
    // Ready when JetStream has a meta leader and all three peers.
    await until('a JetStream cluster of three', async () => {
      const nc = await connect({ servers: `127.0.0.1:${nodes[0]!.port}`, user: USER, pass: PASSWORD, timeout: 1000 });
      try {
        const jsm = await jetstreamManager(nc);
        await jsm.getAccountInfo();
        return true;
      } finally {
        await nc.close();
      }
    }, 30_000, 250).catch((error: Error) => {
      throw new Error(`${error.message}\n${nodes.map((n) => n.child.output()).join('\n')}`);
    });
    return {
      nodes,
      url,
      async close() {
        for (const n of nodes) await n.child.stop('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const n of nodes) await n.child.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
