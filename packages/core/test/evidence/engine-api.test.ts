// The Engine API probe against real HTTP servers on unix sockets in a temp dir: every way a daemon can answer,
// or not, becomes the CommandResult the docker CLI would have produced, within the timeout.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CMD } from '../../src/evidence/canonical.js';
import { asCommand, engineGet } from '../../src/node/probes/engine-api.js';

const dir = mkdtempSync(join(tmpdir(), 'bp-engine-'));
let n = 0;
const closers: (() => void)[] = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const sock = join(dir, `d${n++}.sock`);
  const server: Server = createServer(handler);
  await new Promise<void>((r) => server.listen(sock, r));
  closers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return sock;
}

async function info(sock: string, timeoutMs = 1000) {
  return asCommand(CMD.dockerInfo, sock, '/info', await engineGet(sock, '/info', timeoutMs));
}

describe('engineGet / asCommand', () => {
  it('a daemon that answers: stdout is its JSON, recorded under the command, with where it came from', async () => {
    const body = JSON.stringify({ ServerVersion: '26.1.5', HttpsProxy: 'http://proxy:3128' });
    let asked = '';
    const sock = await serve((req, res) => {
      asked = `${req.method} ${req.url} ${req.headers.host}`;
      res.end(body);
    });
    const r = await info(sock);
    expect(asked).toBe('GET /info docker');
    expect(r).toMatchObject({
      argv: CMD.dockerInfo,
      exitCode: 0,
      stdout: `${body}\n`,
      timedOut: false,
      via: `GET /info on unix://${sock}`,
    });
  });

  it('no socket: the CLI\'s "Cannot connect" message, exit 1', async () => {
    const r = await info(join(dir, 'absent.sock'));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      /^Cannot connect to the Docker daemon at unix:\/\/.*absent\.sock\. Is the docker daemon running\?/,
    );
  });

  it('an error status: "Error response from daemon" with the daemon\'s message', async () => {
    const sock = await serve((_req, res) => {
      res.writeHead(404);
      res.end('{"message":"No such container: buildx_buildkit_x0"}');
    });
    const r = await info(sock);
    expect(r).toMatchObject({
      exitCode: 1,
      stderr: 'Error response from daemon: No such container: buildx_buildkit_x0\n',
    });
  });

  it('a socket that accepts and never answers: timed out at the deadline', async () => {
    const sock = join(dir, `w${n++}.sock`);
    const held: Socket[] = [];
    const server = createNetServer((c) => held.push(c));
    await new Promise<void>((r) => server.listen(sock, r));
    closers.push(() => {
      for (const c of held) c.destroy();
      server.close();
    });
    const t = performance.now();
    const r = await info(sock, 300);
    expect(performance.now() - t).toBeLessThan(15_000); // bounded, not timed: a hang would take forever; how fast it is lives in pnpm bench
    expect(r).toMatchObject({ exitCode: null, timedOut: true, error: 'timeout' });
  });

  it('a daemon that answers forever: stopped at 2 MiB, never buffered without bound', async () => {
    const sock = await serve((_req, res) => {
      const chunk = 'x'.repeat(64 * 1024);
      const pump = () => {
        while (res.write(chunk)) {
          /* fill the buffer */
        }
        res.once('drain', pump);
      };
      pump();
    });
    const r = await info(sock, 5000);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/larger than 2 MiB/);
  });

  it('a daemon that hangs up mid-answer: a failure, not a crash', async () => {
    const sock = await serve((req, res) => {
      res.writeHead(200, { 'Content-Length': '1000' });
      res.write('{"Server');
      setTimeout(() => req.socket.destroy(), 20);
    });
    const r = await info(sock);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error during connect/);
  });

  it('container inspect keeps the CLI shape: a JSON array of one', async () => {
    const sock = await serve((_req, res) => res.end('{"Name":"/buildx_buildkit_b0"}'));
    const argv = CMD.dockerInfo; // any argv: the shape is what matters
    const r = asCommand(
      argv,
      sock,
      '/containers/x/json',
      await engineGet(sock, '/containers/x/json', 1000),
      (b) => `[${b}]`,
    );
    expect(JSON.parse(r.stdout)).toEqual([{ Name: '/buildx_buildkit_b0' }]);
  });
});
