// The real command line, as a user runs it: start the embedded server in a child process, talk to it,
// run CLI commands while it holds the data directory (they go through its API), stop it with SIGTERM.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/thmnayah.mjs');
const run = promisify(execFile);

describe('thmnayah CLI with the embedded server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-cli-'));
  const env = { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', SHUTDOWN_GRACE_MS: '60000' };
  let server: ChildProcess;
  let url = '';
  let exit: Promise<number | null>;

  const cli = (...args: string[]) => run(process.execPath, [BIN, ...args], { env, timeout: 60_000 });

  beforeAll(async () => {
    server = spawn(process.execPath, [BIN, 'start', '--no-seed'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    exit = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
    let stderr = '';
    server.stderr!.on('data', (chunk) => (stderr += chunk));
    const deadline = Date.now() + 40_000;
    while (!url && Date.now() < deadline && server.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      try {
        url = JSON.parse(readFileSync(join(dataDir, 'server.json'), 'utf8')).url;
      } catch {
        url = '';
      }
    }
    if (!url) throw new Error(`the server did not start: ${stderr}`);
    expect(stderr).not.toMatch(/error/i);
  });
  afterAll(async () => {
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is ready, and accepts a token printed by `thmnayah token`', async () => {
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const { stdout } = await cli('token', '--role', 'editor', '--sub', 'huda');
    const me = await fetch(`${url}/api/cms/me`, { headers: { authorization: `Bearer ${stdout.trim()}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ sub: 'huda', name: 'huda', roles: ['editor'] });
  });

  it('runs migrate and users through the running server', async () => {
    const migrated = await cli('migrate');
    expect(migrated.stderr).toContain('running through the server');
    expect(JSON.parse(migrated.stdout)).toMatchObject({ applied: [], current: expect.arrayContaining(['1_content']) });
    await cli('users', 'add', '--sub', 'sara', '--name', 'Sara', '--role', 'editor');
    await cli('users', 'disable', '--sub', 'sara');
    const listed = JSON.parse((await cli('users', 'list')).stdout);
    expect(listed.users).toEqual(expect.arrayContaining([expect.objectContaining({ sub: 'huda' }), expect.objectContaining({ sub: 'sara', name: 'Sara', disabled: true })]));
  });

  it('explains bad usage and refuses a second server on the same data directory', async () => {
    await expect(cli('token', '--role', 'root')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--role must be one of') });
    await expect(cli('frobnicate')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown command') });
    await expect(cli('start')).rejects.toMatchObject({ code: 78, stderr: expect.stringContaining('is in use by a Thmnayah server') });
    await expect(run(process.execPath, [BIN, 'start'], { env: { ...env, PORT: 'eighty' } })).rejects.toMatchObject({
      code: 78, stderr: expect.stringContaining('PORT must be a whole number'),
    });
  });

  it('refuses to start where others can reach it without an issuer, and `token` will not sign there (issue 15 #4)', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'thmnayah-cli-open-'));
    try {
      const open = { ...env, DATA_DIR: elsewhere, HOST: '0.0.0.0' };
      await expect(run(process.execPath, [BIN, 'start', '--no-seed'], { env: open, timeout: 60_000 })).rejects.toMatchObject({
        code: 78, stderr: expect.stringMatching(/OIDC_ISSUER must be set.*HOST=0\.0\.0\.0 is not a loopback address.*DEV_ISSUER=true/),
      });
      await expect(run(process.execPath, [BIN, 'token', '--role', 'admin'], { env: open })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('DEV_ISSUER=true') });
      const { stdout } = await run(process.execPath, [BIN, 'token', '--role', 'admin'], { env: { ...open, DEV_ISSUER: 'true' } });
      expect(stdout.trim()).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 90_000);

  it('finishes in-flight work on SIGTERM, then exits 0 and frees the data directory', async () => {
    const { stdout: token } = await cli('token', '--role', 'editor');
    // A request whose body is still arriving when the signal comes: it must be served, not cut.
    const { port } = new URL(url);
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest({
        host: '127.0.0.1', port, method: 'POST', path: '/api/cms/programs',
        headers: { authorization: `Bearer ${token.trim()}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.write('{"kind":"podcast","language":"ar",');
      setTimeout(() => {
        server.kill('SIGTERM');
        setTimeout(() => request.end('"title":"في الطريق"}'), 700);
      }, 300);
    });
    const answer = await response;
    expect(answer.status, answer.body).toBe(201);
    expect(await exit).toBe(0);
    // New connections are refused once it has stopped.
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    // With the server gone, the CLI opens the database itself and sees what the server wrote.
    const listed = JSON.parse((await cli('users', 'list')).stdout);
    expect(listed.users.map((u: { sub: string }) => u.sub)).toContain('sara');
  }, 60_000);
});
