// The client step's token request against real local servers: a registry that asks for a Bearer token, a
// token server, and HTTP proxies that forward, ask for credentials, refuse, or never answer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tokenRequest } from '../../src/node/verify/token.js';
import { readError } from '../../src/why/read.js';

const servers: http.Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(handler);
  server.on('connection', (s) => sockets.push(s));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port };
}

/** A registry on 127.0.0.1 whose /v2/ asks for a token from `realm`, and the token server itself. */
async function registry() {
  const hits: string[] = [];
  const { port } = await listen((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    if (req.url === '/v2/') {
      res.writeHead(401, {
        'WWW-Authenticate': `Bearer realm="http://auth.example:${port}/token",service="registry.example"`,
      });
      res.end('{"errors":[{"code":"UNAUTHORIZED"}]}');
    } else if (req.url?.startsWith('/token?')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"token":"abc","expires_in":300}');
    } else res.writeHead(404).end();
  });
  return { port, hits };
}

/** A forward proxy: absolute-form GETs to any host go to 127.0.0.1:target (plain HTTP registries). */
async function proxy(target: number, opts: { auth?: string; status?: number } = {}) {
  const log: string[] = [];
  const { port } = await listen((req, res) => {
    log.push(`${req.method} ${req.url} auth=${req.headers['proxy-authorization'] ?? '-'}`);
    if (opts.status) {
      res.writeHead(opts.status, { 'Proxy-Authenticate': 'Basic realm="corp"' }).end();
      return;
    }
    if (opts.auth && req.headers['proxy-authorization'] !== opts.auth) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="corp"' }).end();
      return;
    }
    const u = new URL(req.url!);
    const up = http.request(
      { host: '127.0.0.1', port: target, path: `${u.pathname}${u.search}`, method: req.method },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.end();
  });
  return { port, log };
}

describe('tokenRequest', () => {
  it('direct (Go never proxies 127.0.0.1): /v2/ says 401 Bearer, the token server gives a token', async () => {
    const reg = await registry();
    // the realm names auth.example, which only the proxy can resolve: here it must not be asked
    const r = await tokenRequest(`http://127.0.0.1:${reg.port}/v2/`, 'library/busybox', {}, 5000);
    expect(r.ok).toBe(false);
    expect(r.detail).toMatch(/auth\.example/);
  });

  it('through the proxy HTTP_PROXY names, with Basic credentials from its URL, both requests logged', async () => {
    const reg = await registry();
    const auth = `Basic ${Buffer.from('bob:p@ss:w%rd').toString('base64')}`;
    const px = await proxy(reg.port, { auth });
    const env = { HTTP_PROXY: `http://bob:p%40ss%3Aw%25rd@127.0.0.1:${px.port}` };
    const r = await tokenRequest(`http://registry.example:${reg.port}/v2/`, 'library/busybox', env, 5000);
    expect(r).toMatchObject({ ok: true, timedOut: false });
    expect(r.via).not.toContain('p%40ss');
    expect(px.log).toHaveLength(2);
    expect(px.log[1]).toMatch(
      /^GET http:\/\/auth\.example:\d+\/token\?service=registry\.example&scope=repository%3Alibrary%2Fbusybox%3Apull auth=Basic /,
    );
  });

  it('NO_PROXY covers the registry: direct, the proxy sees nothing', async () => {
    const reg = await registry();
    const px = await proxy(reg.port);
    const env = { HTTP_PROXY: `http://127.0.0.1:${px.port}`, NO_PROXY: 'registry.example' };
    const r = await tokenRequest(`http://registry.example:${reg.port}/v2/`, 'x/y', env, 3000);
    expect(r.ok).toBe(false);
    expect(px.log).toEqual([]);
  });

  it('a proxy that wants credentials: 407, read by why as proxy-auth', async () => {
    const reg = await registry();
    const px = await proxy(reg.port, { auth: 'Basic nope' });
    const r = await tokenRequest(
      `http://registry.example:${reg.port}/v2/`,
      'x/y',
      { HTTP_PROXY: `http://127.0.0.1:${px.port}` },
      5000,
    );
    expect(r.ok).toBe(false);
    expect(r.detail).toContain('407');
    expect(readError(r.detail).cause).toBe('proxy-auth');
  });

  it('a dead proxy port: Go words, read by why as proxy-unreachable', async () => {
    const { server, port } = await listen(() => {});
    await new Promise((r) => server.close(r));
    const r = await tokenRequest(
      'http://registry.example/v2/',
      'x/y',
      { HTTP_PROXY: `http://127.0.0.1:${port}` },
      5000,
    );
    expect(r.detail).toBe(
      `Get "http://registry.example/v2/": proxyconnect tcp: dial tcp 127.0.0.1:${port}: connect: connection refused`,
    );
    expect(readError(r.detail).cause).toBe('proxy-unreachable');
  });

  it('https through a proxy that refuses the CONNECT with 403', async () => {
    const { port } = await listen(() => {});
    servers[0]!.on('connect', (_req, sock: Socket) => {
      sock.end('HTTP/1.1 403 Forbidden\r\nX-Squid-Error: ERR_ACCESS_DENIED 0\r\n\r\n');
    });
    const r = await tokenRequest(
      'https://registry.example/v2/',
      'x/y',
      { HTTPS_PROXY: `http://127.0.0.1:${port}` },
      5000,
    );
    expect(r.ok).toBe(false);
    expect(r.detail).toBe(
      'Get "https://registry.example/v2/": Forbidden (the proxy answered 403 to CONNECT registry.example:443)',
    );
    expect(readError(r.detail).family).toBe('proxy-refused');
  });

  it('a proxy that accepts and never answers: stopped at the deadline, nothing left open', async () => {
    const { port } = await listen(() => {}); // holds every request
    const t0 = Date.now();
    const r = await tokenRequest(
      'http://registry.example/v2/',
      'x/y',
      { HTTP_PROXY: `http://127.0.0.1:${port}` },
      300,
    );
    expect(r.timedOut).toBe(true);
    expect(r.detail).toMatch(/Client\.Timeout exceeded/);
    expect(Date.now() - t0).toBeLessThan(30_000);
  });

  it('a "proxy" that streams forever: bounded by the deadline and the body cap', async () => {
    const { port } = await listen((_req, res) => {
      res.writeHead(200);
      const t = setInterval(() => res.write('x'.repeat(65536)), 1);
      res.on('close', () => clearInterval(t));
    });
    const r = await tokenRequest(
      'http://registry.example/v2/',
      'x/y',
      { HTTP_PROXY: `http://127.0.0.1:${port}` },
      500,
    );
    expect(r.ok).toBe(false);
    expect(r.timedOut).toBe(true);
  });

  it('https through a CONNECT tunnel to a re-signed certificate (an inspecting proxy): x509, read as tls-inspection', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-verify-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=registry.example',
          '-addext',
          'subjectAltName=DNS:registry.example',
          '-keyout',
          join(dir, 'k.pem'),
          '-out',
          join(dir, 'c.pem'),
        ],
        { stdio: 'ignore' },
      );
      const hits: string[] = [];
      const origin = https.createServer(
        { key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) },
        (req, res) => {
          hits.push(req.url ?? '');
          res.end('{}');
        },
      );
      origin.on('connection', (s) => sockets.push(s as Socket));
      servers.push(origin as unknown as http.Server);
      await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
      const op = (origin.address() as AddressInfo).port;
      const { server: px, port } = await listen(() => {});
      const tunnels: string[] = [];
      px.on('connect', (req, sock: import('node:stream').Duplex) => {
        tunnels.push(req.url ?? '');
        const up = net.connect(op, '127.0.0.1', () => {
          sock.write('HTTP/1.1 200 Connection established\r\n\r\n');
          up.pipe(sock);
          sock.pipe(up);
        });
        sockets.push(up, sock as Socket);
      });
      const r = await tokenRequest(
        `https://registry.example:${op}/v2/`,
        'x/y',
        { HTTPS_PROXY: `http://127.0.0.1:${port}` },
        5000,
      );
      expect(tunnels).toEqual([`registry.example:${op}`]); // through the tunnel, never direct
      expect(r.ok).toBe(false);
      expect(r.detail).toMatch(/x509: certificate signed by unknown authority/);
      expect(readError(r.detail).cause).toBe('tls-inspection');
      expect(hits).toEqual([]); // no request was sent over an untrusted connection
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
