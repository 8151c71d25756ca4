// Fetching a PAC file from a real local HTTP server, and the whole capture: a machine whose system proxy names a
// PAC URL gets the PAC's answers for docker.io's hosts in its evidence, which then validates and replays.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvidence } from '../../src/evidence/validate.js';
import { synthesize } from '../../src/machines/synth.js';
import { capturePac } from '../../src/node/pac/capture.js';
import { fetchPac } from '../../src/node/pac/fetch.js';

const CORPORATE = readFileSync(new URL('../fixtures/pac/corporate.pac', import.meta.url), 'utf8');

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/proxy.pac') {
      res.writeHead(200, { 'content-type': 'application/x-ns-proxy-autoconfig' });
      res.end(CORPORATE);
    } else if (path === '/moved') {
      res.writeHead(302, { location: '/proxy.pac' });
      res.end();
    } else if (path === '/to-file') {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    } else if (path === '/loop') {
      res.writeHead(302, { location: '/loop' });
      res.end();
    } else if (path === '/huge') {
      // no Content-Length: the cap must hold while streaming
      res.writeHead(200);
      const chunk = `// ${'x'.repeat(64 * 1024)}\n`;
      let n = 0;
      const more = () => {
        while (n++ < 64) if (!res.write(chunk)) return res.once('drain', more);
        res.end();
      };
      more();
    } else if (path === '/declared-huge') {
      res.writeHead(200, { 'content-length': String(1 << 30) });
      res.write('function');
    } else if (path === '/slow') {
      // headers never come: the deadline must end it
    } else {
      res.writeHead(404);
      res.end('not here');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('fetchPac', () => {
  it('fetches a PAC file, following an http redirect', async () => {
    const a = await fetchPac(`${base}/proxy.pac`);
    expect(a.fetch).toMatchObject({ result: 'ok', status: 200, bytes: Buffer.byteLength(CORPORATE) });
    expect(a.script).toBe(CORPORATE);
    expect((await fetchPac(`${base}/moved`)).script).toBe(CORPORATE);
  });

  it('refuses other schemes, also behind a redirect, and too many redirects', async () => {
    expect((await fetchPac('file:///etc/passwd')).fetch.result).toBe('scheme');
    expect((await fetchPac('data:text/plain,function%20FindProxyForURL(){}')).fetch.result).toBe('scheme');
    const r = await fetchPac(`${base}/to-file`);
    expect(r.fetch.result).toBe('scheme');
    expect(r.script).toBeNull();
    expect((await fetchPac(`${base}/loop`)).fetch).toMatchObject({
      result: 'status',
      detail: 'too many redirects',
    });
  });

  it('caps the size, declared or streamed', async () => {
    const streamed = await fetchPac(`${base}/huge`, { maxBytes: 256 * 1024 });
    expect(streamed.fetch.result).toBe('too-large');
    expect(streamed.script).toBeNull();
    expect((await fetchPac(`${base}/declared-huge`)).fetch.result).toBe('too-large');
  });

  it('ends a server that never answers at the deadline; names status and refusal', async () => {
    const slow = await fetchPac(`${base}/slow`, { timeoutMs: 300 });
    expect(slow.fetch.result).toBe('timeout');
    expect(await fetchPac(`${base}/nothing`)).toMatchObject({
      fetch: { result: 'status', status: 404 },
      script: null,
    });
    // a port nothing listens on: the server's own, once closed, is not reusable safely; use port 1
    expect((await fetchPac('http://127.0.0.1:1/proxy.pac')).fetch.result).toBe('refused');
    expect((await fetchPac('not a url')).fetch).toMatchObject({ result: 'error', detail: 'not a URL' });
  });
});

describe('capturePac', () => {
  const SCUTIL = (url: string) =>
    `<dictionary> {\n  HTTPEnable : 0\n  HTTPSEnable : 0\n  ProxyAutoConfigEnable : 1\n  ProxyAutoConfigURLString : ${url}\n}\n`;
  const mac = (url: string) =>
    synthesize({
      platform: 'darwin',
      home: '/Users/alice',
      commands: [
        {
          argv: ['scutil', '--proxy'],
          exitCode: 0,
          stdout: SCUTIL(url),
          stderr: '',
          timedOut: false,
          durationMs: 5,
        },
      ],
      docker: { engine: '28.2.2', desktop: true, systemd: false },
    });

  it("evaluates the macOS system proxy's PAC for docker.io, the registries and package hosts", async () => {
    const ev = mac(`${base}/proxy.pac`);
    const pac = await capturePac(
      ev,
      { registries: ['nexus.internal.example:8443'] },
      {
        resolve: async (n) => (n === 'nexus.internal.example' ? '10.20.0.7' : '198.51.100.1'),
        myIp: '192.0.2.10',
      },
    );
    expect(pac?.source).toBe('macOS network settings (scutil --proxy)');
    expect(pac?.fetch.result).toBe('ok');
    const by = Object.fromEntries((pac?.answers ?? []).map((a) => [a.host, a.answer]));
    expect(by['registry-1.docker.io']).toBe('PROXY proxy.corp.example:8080; PROXY proxy2.corp.example:8080');
    expect(by['production.cloudflare.docker.com']).toBe(by['registry-1.docker.io']);
    expect(by['nexus.internal.example']).toBe('DIRECT');
    expect(by['deb.debian.org']).toMatch(/^DIRECT; PROXY/);
    // the evidence with its PAC part validates as a bundle
    expect(parseEvidence(JSON.parse(JSON.stringify({ ...ev, pac }))).pac?.answers.length).toBe(
      pac?.answers.length,
    );
  });

  it('records an unreachable PAC file (off the VPN) without answers', async () => {
    const pac = await capturePac(mac('http://127.0.0.1:1/proxy.pac'));
    expect(pac).toMatchObject({ fetch: { result: 'refused' }, answers: [], error: null });
  });

  it('no PAC named: nothing to capture; --pac names one', async () => {
    const plain = synthesize({ docker: { engine: '28.2.2' } });
    expect(await capturePac(plain)).toBeNull();
    const given = await capturePac(
      plain,
      {},
      { url: `${base}/proxy.pac`, myIp: null, resolve: async () => null },
    );
    expect(given?.source).toBe('the --pac option');
    expect(given?.answers.length).toBeGreaterThan(3);
  });

  it('masks a password in the PAC URL', async () => {
    const pac = await capturePac(mac('http://bob:s3cr%40t@127.0.0.1:1/proxy.pac'));
    expect(pac?.url).not.toContain('s3cr');
  });
});
