import { execFileSync } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { portClosed, repoRoot, startProcess, tempDatabaseUrl, type Started } from './spawn.ts';

/**
 * The real start commands as systemd, a container runtime or a script runs them, signalled at
 * the PID they started. `npm start` (development, through tsx) and the production start after
 * the real build (`npm run build`, then `node dist/src/main.js`).
 */
const commands: [string, string, string[]][] = [
  ['npm start', 'npm', ['start', '--silent']],
  ['node dist/src/main.js', 'node', ['dist/src/main.js']],
];

const listening = /Samverkan HTTP: listening on http:\/\/127\.0\.0\.1:(\d+), this machine only/;

let running: Started | undefined;
const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  if (running && running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
  running = undefined;
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
});

beforeAll(() => {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: 'pipe' });
}, 180_000);

/** A TCP server that accepts and never answers: a database that hangs the start. */
async function blackHole(onConnection: () => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.push(socket);
    onConnection();
    socket.on('error', () => undefined);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe.each(commands)('%s', (_name, command, args) => {
  it.each(['SIGTERM', 'SIGINT'] as const)('stops on %s to the started PID within 10 s and frees the port', async (signal) => {
    running = startProcess(command, args, { DATABASE_URL: tempDatabaseUrl(), PORT: '0' });
    const port = Number((await running.waitForLine(listening))[1]);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

    const sent = Date.now();
    running.child.kill(signal);
    const { code, at } = await running.exited();
    expect(at - sent).toBeLessThan(10_000);
    expect(code).toBe(0);
    expect(await portClosed(port)).toBe(true);
  }, 40_000);

  it('stops on SIGTERM during start-up, while the database does not answer yet', async () => {
    let connected!: () => void;
    const reached = new Promise<void>((resolve) => (connected = resolve));
    const port = await blackHole(() => connected());
    running = startProcess(command, args, { DATABASE_URL: `postgres://samverkan@127.0.0.1:${port}/samverkan`, PORT: '0' });
    await reached;

    const sent = Date.now();
    running.child.kill('SIGTERM');
    const { code, at } = await running.exited();
    expect(at - sent).toBeLessThan(10_000);
    expect(code).toBe(0);
    expect(running.stdout()).not.toMatch(/listening on/);
  }, 40_000);

  it('says in one line that the port is busy, and exits with 2', async () => {
    const busy = createServer();
    servers.push(busy);
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    running = startProcess(command, args, { DATABASE_URL: tempDatabaseUrl(), PORT: String(port) });
    const { code } = await running.exited();
    expect(code).toBe(2);
    expect(running.stderr().trim()).toBe(`Samverkan: cannot listen on 127.0.0.1 port ${port}: another program uses it (set PORT, or stop the other program)`);
  }, 40_000);

  it('says in one line that the database cannot be reached, and exits with 2', async () => {
    // A port nothing listens on: take one and free it again.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    running = startProcess(command, args, { DATABASE_URL: `postgres://samverkan:secret-password@127.0.0.1:${port}/samverkan`, PORT: '0' });
    const { code } = await running.exited();
    expect(code).toBe(2);
    const lines = running.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Samverkan: cannot use the database PostgreSQL postgres://samverkan@127\\.0\\.0\\.1:${port}/samverkan: .*ECONNREFUSED.* \\(DATABASE_URL\\)$`));
    expect(running.stderr()).not.toContain('secret-password');
  }, 40_000);
});
