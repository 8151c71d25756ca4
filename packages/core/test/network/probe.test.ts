// The network prober against real servers on loopback: proxies that answer 407 with each scheme, 403 with a
// product's headers, close, stream forever, speak another protocol or never answer; a TLS-inspecting proxy with its
// own CA; a canary that must never see the credentials. Timeouts are the prober's own (no wall-clock asserts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlannedRoute } from '../../src/network/probe-plan.js';
import { probeNetwork } from '../../src/node/probes/network.js';
import { answering, deadPort, inspecting, listen, makeCa, type Running, type TestCa } from './servers.js';

const HOST = { host: 'registry-1.docker.io', port: 443, actors: ['builder' as const] };

function via(
  port: number,
  opts: { user?: string; pass?: string; hosts?: PlannedRoute['hosts'] } = {},
): PlannedRoute {
  const user = opts.user ?? null;
  const auth = user === null ? '' : `${encodeURIComponent(user)}:${encodeURIComponent(opts.pass ?? '')}@`;
  return {
    proxy: `http://${auth}127.0.0.1:${port}`,
    shown: `http://${user === null ? '' : `${user}:***@`}127.0.0.1:${port}`,
    scheme: 'http',
    dialHost: '127.0.0.1',
    dialPort: port,
    username: user,
    password: opts.pass ?? null,
    actors: ['builder'],
    intended: false,
    hosts: opts.hosts ?? [HOST],
  };
}

const servers: Running[] = [];
async function serve(p: Promise<Running>): Promise<Running> {
  const r = await p;
  servers.push(r);
  return r;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function one(route: PlannedRoute, timeoutMs = 2000) {
  const ev = await probeNetwork([route], { timeoutMs, directTimeoutMs: timeoutMs });
  return ev.routes[0]!;
}

describe('CONNECT answers', () => {
  it.each([
    ['Basic realm="Squid proxy-caching web server"', ['Basic']],
    ['NTLM', ['NTLM']],
    ['Negotiate', ['Negotiate']],
    ['Digest realm="corp", nonce="a,b=c", qop="auth"', ['Digest']],
  ])('407 with Proxy-Authenticate: %s', async (challenge, schemes) => {
    const p = await serve(
      answering(`HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: ${challenge}`),
    );
    const r = await one(via(p.port));
    expect(r.dial?.result).toBe('ok');
    expect(r.hosts[0]!.connect).toMatchObject({ result: 'auth', status: 407, schemes });
    expect(r.hosts[0]!.tls).toBeNull();
  });

  it('407 offering Negotiate and NTLM in two headers, as Windows-integrated proxies do', async () => {
    const p = await serve(
      answering(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Negotiate\r\nProxy-Authenticate: NTLM\r\nProxy-Authenticate: Basic realm="x"',
      ),
    );
    expect((await one(via(p.port))).hosts[0]!.connect.schemes).toEqual(['Negotiate', 'NTLM', 'Basic']);
  });

  it('403 from squid names the product from its headers (squid ERR_ACCESS_DENIED page headers)', async () => {
    const p = await serve(
      answering(
        'HTTP/1.1 403 Forbidden\r\nServer: squid/6.13\r\nX-Squid-Error: ERR_ACCESS_DENIED 0\r\nContent-Type: text/html',
        '<html><body>Access Denied.</body></html>',
      ),
    );
    const c = (await one(via(p.port))).hosts[0]!.connect;
    expect(c).toMatchObject({ result: 'forbidden', status: 403, product: 'squid' });
    expect(c.excerpt).toContain('ERR_ACCESS_DENIED');
  });

  it('502 with a block page names the product from its body', async () => {
    const p = await serve(
      answering(
        'HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html',
        '<title>Zscaler: website blocked</title>',
      ),
    );
    expect((await one(via(p.port))).hosts[0]!.connect).toMatchObject({
      result: 'bad-gateway',
      product: 'Zscaler',
    });
  });

  it('a dead proxy port: the dial is refused and no host is tried', async () => {
    const r = await one(via(await deadPort()));
    expect(r.dial).toMatchObject({ result: 'refused' });
    expect(r.hosts[0]!.connect).toMatchObject({ result: 'skipped' });
  });

  it('a proxy that closes right after accepting', async () => {
    const p = await serve(listen((s) => s.destroy(), { raw: true }));
    const c = (await one(via(p.port))).hosts[0]!.connect;
    expect(['closed', 'reset']).toContain(c.result);
  });

  it('something that is not a proxy (an SSH banner) is named so', async () => {
    const p = await serve(listen((s) => s.write('SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n'), { raw: true }));
    expect((await one(via(p.port))).hosts[0]!.connect).toMatchObject({ result: 'not-proxy' });
  });

  it('a proxy that streams forever is cut at the cap, not read to the end', async () => {
    const p = await serve(
      listen((s) => {
        const junk = Buffer.alloc(64 * 1024, 'A');
        const pump = () => {
          while (!s.destroyed && s.write(junk)) {}
          if (!s.destroyed) s.once('drain', pump);
        };
        s.write('HTTP/1.1 403 Forbidden\r\nServer: endless\r\n\r\n');
        pump();
      }),
    );
    const c = (await one(via(p.port), 5000)).hosts[0]!.connect;
    expect(c.result).toBe('forbidden');
    expect(c.excerpt.length).toBeLessThanOrEqual(2048);
    await vi.waitFor(() => expect(p.open()).toBe(0));
  });

  it('a header block that never ends is "not a proxy", bounded at 16 KiB', async () => {
    const p = await serve(
      listen((s) => {
        s.write('HTTP/1.1 200 OK\r\n');
        const t = setInterval(
          () => (s.destroyed ? clearInterval(t) : s.write(`X-Pad: ${'p'.repeat(1000)}\r\n`)),
          1,
        );
      }),
    );
    expect((await one(via(p.port), 10_000)).hosts[0]!.connect).toMatchObject({ result: 'not-proxy' });
  });

  it('a proxy that accepts and never answers: timeout, and its connection is closed', async () => {
    const p = await serve(listen(() => {}));
    const c = (await one(via(p.port), 500)).hosts[0]!.connect;
    expect(c.result).toBe('timeout');
    await vi.waitFor(() => expect(p.open()).toBe(0));
  });

  it('200 and then a TLS handshake that never completes: timeout', async () => {
    const p = await serve(listen((s) => s.write('HTTP/1.1 200 Connection established\r\n\r\n')));
    const h = (await one(via(p.port), 500)).hosts[0]!;
    expect(h.connect.result).toBe('ok');
    expect(h.tls).toMatchObject({ result: 'timeout' });
    await vi.waitFor(() => expect(p.open()).toBe(0));
  });
});

describe('TLS inspection', () => {
  let ca: TestCa;
  let root: string;
  beforeAll(() => {
    ca = makeCa('Zscaler Root CA');
    root = mkdtempSync(join(tmpdir(), 'bp-netroot-'));
  });
  afterAll(() => {
    ca.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  it('names the issuer, keeps the CA PEM, and finds it absent from a host store without it', async () => {
    const p = await serve(inspecting(ca));
    const ev = await probeNetwork([via(p.port)], { timeoutMs: 3000, root });
    const t = ev.routes[0]!.hosts[0]!.tls!;
    expect(t.result).toBe('untrusted');
    expect(t.issuer).toContain('Zscaler Root CA');
    expect(t.chain[0]!.subject).toContain('registry-1.docker.io');
    expect(t.caPem!.replace(/\s/g, '')).toBe(ca.caPem.replace(/\s/g, ''));
    expect(t.hostTrusts).toBeNull(); // no bundle under this root
    expect(t.certsDTrusts).toBe(false);
  });

  it('the host store and certs.d that hold the CA are found to trust it', async () => {
    mkdirSync(join(root, 'etc/ssl/certs'), { recursive: true });
    writeFileSync(join(root, 'etc/ssl/certs/ca-certificates.crt'), `junk\n${ca.caPem}`);
    mkdirSync(join(root, 'etc/docker/certs.d/registry-1.docker.io'), { recursive: true });
    writeFileSync(join(root, 'etc/docker/certs.d/registry-1.docker.io/ca.crt'), ca.caPem);
    const p = await serve(inspecting(ca));
    const t = (await probeNetwork([via(p.port)], { timeoutMs: 3000, root })).routes[0]!.hosts[0]!.tls!;
    expect(t).toMatchObject({ result: 'untrusted', hostTrusts: true, certsDTrusts: true });
  });

  it('a proxy that sends only the leaf: the issuer is still named, the store check uses the signature', async () => {
    const p = await serve(inspecting(ca, false));
    const t = (await probeNetwork([via(p.port)], { timeoutMs: 3000, root })).routes[0]!.hosts[0]!.tls!;
    expect(t.issuer).toContain('Zscaler Root CA');
    expect(t.hostTrusts).toBe(true);
  });
});

describe('credentials go only to their proxy', () => {
  it('Basic to the proxy whose URL carries them, hostile characters intact; never to a canary or another proxy', async () => {
    const pass = 'p@ss:w%rd"\\ é/#?';
    const withCreds = await serve(
      answering('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="x"'),
    );
    const other = await serve(answering('HTTP/1.1 403 Forbidden'));
    const canary = await serve(listen(() => {}, { raw: true }));
    const canaryHost = { host: '127.0.0.1', port: canary.port, actors: ['client' as const] };
    const direct: PlannedRoute = {
      ...via(0, { hosts: [canaryHost] }),
      proxy: null,
      shown: null,
      dialHost: null,
      dialPort: null,
      username: null,
      password: null,
    };
    const ev = await probeNetwork(
      [via(withCreds.port, { user: 'CORP\\alice', pass }), via(other.port), direct],
      { timeoutMs: 1000, directTimeoutMs: 500 },
    );
    const sent = withCreds.received.join('');
    const basic = Buffer.from(`CORP\\alice:${pass}`, 'utf8').toString('base64');
    expect(sent).toContain(`Proxy-Authorization: Basic ${basic}`);
    for (const s of [other, canary]) {
      const got = s.received.join('');
      expect(got).not.toContain('Proxy-Authorization');
      expect(got).not.toContain(basic);
      expect(got).not.toContain('alice');
    }
    expect(ev.routes[0]!.credentials).toBe(true);
    expect(ev.routes[1]!.credentials).toBe(false);
    expect(JSON.stringify(ev)).not.toContain(basic);
    expect(JSON.stringify(ev)).not.toContain('w%rd');
  });
});

describe('direct', () => {
  it('a refused port and a DNS failure are told apart', async () => {
    const port = await deadPort();
    const direct: PlannedRoute = {
      ...via(0, {
        hosts: [
          { host: '127.0.0.1', port, actors: [] },
          { host: 'no-such-host.invalid', port: 443, actors: [] },
        ],
      }),
      proxy: null,
      shown: null,
    };
    const r = (await probeNetwork([direct], { directTimeoutMs: 3000 })).routes[0]!;
    expect(r.dial).toBeNull();
    expect(r.hosts.map((h) => h.connect.result)).toEqual(['refused', 'dns']);
  });
});

describe('proxy schemes and hostile hosts', () => {
  it('a socks5 proxy is dialled but not sent CONNECT', async () => {
    const p = await serve(listen(() => {}, { raw: true }));
    const r = await one({ ...via(p.port), scheme: 'socks5', proxy: `socks5://127.0.0.1:${p.port}` });
    expect(r.dial?.result).toBe('ok');
    expect(r.hosts[0]!.connect).toMatchObject({ result: 'skipped' });
    expect(p.received.join('')).toBe('');
  });

  it('an https:// proxy is spoken to over TLS first (a plain proxy there: the dial fails, as Go fails)', async () => {
    const p = await serve(answering('HTTP/1.1 200 Connection established'));
    const r = await one({ ...via(p.port), scheme: 'https', proxy: `https://127.0.0.1:${p.port}` }, 1500);
    expect(r.hosts[0]!.connect.result).not.toBe('ok');
  });

  it('a host with CR/LF given straight to the prober is skipped, nothing is sent', async () => {
    const p = await serve(answering('HTTP/1.1 200 Connection established'));
    const r = await one(via(p.port, { hosts: [{ host: 'x\r\nX-Injected: 1', port: 443, actors: [] }] }));
    expect(r.hosts[0]!.connect.result).toBe('skipped');
    expect(p.received.join('')).not.toContain('X-Injected');
  });
});
