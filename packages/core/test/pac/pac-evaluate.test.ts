// PAC files run in pac-resolver's QuickJS sandbox: real corporate-style files (test/fixtures/pac, each citing the
// public pattern it follows) answer as a browser would, and hostile files end bounded with a clear reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePac, inNet } from '../../src/node/pac/evaluate.js';

const PAC = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/pac', name), 'utf8');

const HUB = [
  { host: 'registry-1.docker.io', url: 'https://registry-1.docker.io/v2/' },
  { host: 'auth.docker.io', url: 'https://auth.docker.io/token' },
  { host: 'production.cloudflare.docker.com', url: 'https://production.cloudflare.docker.com/' },
];
const MORE = [
  { host: 'git.corp.example', url: 'https://git.corp.example/' },
  { host: 'registry.eu.corp-dmz.example', url: 'https://registry.eu.corp-dmz.example/v2/' },
  { host: 'nexus.internal.example', url: 'https://nexus.internal.example/v2/' },
  { host: 'deb.debian.org', url: 'http://deb.debian.org/debian/' },
  { host: 'intranet', url: 'http://intranet/' },
];

/** A resolver with a fixed table that counts its calls. */
function table(t: Record<string, string>) {
  const calls: string[] = [];
  return {
    calls,
    resolve: async (n: string) => {
      calls.push(n);
      return t[n] ?? null;
    },
  };
}

const answer = (r: Awaited<ReturnType<typeof evaluatePac>>, host: string) =>
  r.answers.find((a) => a.host === host);

describe('real PAC files', () => {
  it('a corporate PAC: site proxy by myIpAddress, DIRECT for the intranet and private addresses', async () => {
    const dns = table({ 'registry-1.docker.io': '54.227.20.253', 'nexus.internal.example': '10.20.0.7' });
    const r = await evaluatePac(PAC('corporate.pac'), [...HUB, ...MORE], {
      resolve: dns.resolve,
      myIp: '192.0.2.10',
    });
    expect(r.error).toBeNull();
    expect(answer(r, 'registry-1.docker.io')?.answer).toBe(
      'PROXY proxy.corp.example:8080; PROXY proxy2.corp.example:8080',
    );
    expect(answer(r, 'git.corp.example')?.answer).toBe('DIRECT');
    expect(answer(r, 'intranet')?.answer).toBe('DIRECT');
    expect(answer(r, 'registry.eu.corp-dmz.example')?.answer).toBe('PROXY dmz-proxy.corp.example:3128');
    // resolved to 10.20.0.7 by the bounded resolver in the second pass
    expect(answer(r, 'nexus.internal.example')?.answer).toBe('DIRECT');
    expect(answer(r, 'deb.debian.org')?.answer).toBe(
      'DIRECT; PROXY proxy.corp.example:8080; PROXY proxy2.corp.example:8080',
    );
    expect(r.dns['nexus.internal.example']).toBe('10.20.0.7');
    expect(r.dns['auth.docker.io']).toBeNull();
    // each name once, never the hosts the script decided without DNS
    expect(new Set(dns.calls).size).toBe(dns.calls.length);
    expect(dns.calls).not.toContain('git.corp.example');
    expect(r.myIp).toBe('192.0.2.10');
  });

  it('the same PAC from the LA site picks the LA proxy (isInNet on myIpAddress)', async () => {
    const r = await evaluatePac(PAC('corporate.pac'), HUB, { myIp: '10.101.4.20' });
    expect(answer(r, 'auth.docker.io')?.answer).toBe(
      'PROXY la-proxy.corp.example:8080; PROXY proxy.corp.example:8080',
    );
  });

  it("a local client's PAC sends registries to a loopback SOCKS port", async () => {
    const r = await evaluatePac(PAC('local-client.pac'), HUB, { resolve: async () => '104.16.0.1' });
    expect(answer(r, 'registry-1.docker.io')?.answer).toBe(
      'SOCKS5 127.0.0.1:7890; SOCKS 127.0.0.1:7890; DIRECT',
    );
  });

  it("Microsoft's extensions (dnsResolveEx, isInNetEx, isResolvableEx) are there", async () => {
    const r = await evaluatePac(
      PAC('microsoft-ex.pac'),
      [...HUB, { host: 'build.corp.example', url: 'https://build.corp.example/' }],
      { resolve: async (n) => (n === 'build.corp.example' ? '10.1.1.1' : '3.3.3.3') },
    );
    expect(answer(r, 'build.corp.example')?.answer).toBe('DIRECT');
    expect(answer(r, 'registry-1.docker.io')?.answer).toBe('PROXY winproxy.corp.example:8080');
  });
});

describe('hostile PAC files end bounded with a reason', () => {
  const one = [HUB[0]!];
  const run = (script: string) => evaluatePac(script, one, { timeoutMs: 300 });

  it('an endless loop in FindProxyForURL is interrupted', async () => {
    const r = await run('function FindProxyForURL(u, h) { for (;;) {} }');
    expect(r.error).toBeNull();
    expect(r.answers[0]?.answer).toBeNull();
    expect(r.answers[0]?.error).toMatch(/did not finish within 300 ms/);
  });

  it('after one call runs out of time the other hosts are not asked (one timeout, not one per host)', async () => {
    const r = await evaluatePac('function FindProxyForURL(u, h) { for (;;) {} }', HUB, { timeoutMs: 300 });
    expect(r.answers.map((a) => a.error)).toEqual([
      'did not finish within 300 ms (an endless loop, or a script too slow to use)',
      'was not asked: the call for registry-1.docker.io did not finish',
      'was not asked: the call for registry-1.docker.io did not finish',
    ]);
  });

  it('a slow script that never quite times out still ends within one budget for all hosts', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      host: `h${i}.example`,
      url: `https://h${i}.example/`,
    }));
    const slow =
      'function FindProxyForURL(u, h) { var t = Date.now(); while (Date.now() - t < 150) {} return "DIRECT"; }';
    const r = await evaluatePac(slow, many, { timeoutMs: 200 });
    expect(r.answers).toHaveLength(12);
    expect(r.answers.at(-1)?.error).toMatch(/^was not asked: the call for /);
  });

  it('an endless loop at the top level stops the whole file', async () => {
    const r = await run('while (true) {}\nfunction FindProxyForURL(u, h) { return "DIRECT"; }');
    expect(r.error).toMatch(/did not finish/);
    expect(r.answers).toEqual([]);
  });

  it('a script that throws, or reaches for require/process/fetch', async () => {
    expect((await run('function FindProxyForURL(){ throw new Error("nope") }')).answers[0]?.error).toBe(
      'threw Error: nope',
    );
    expect(
      (await run('function FindProxyForURL(){ return require("child_process") }')).answers[0]?.error,
    ).toMatch(/ReferenceError: require is not defined/);
    const probe = await run(
      'function FindProxyForURL(){ return [typeof process, typeof require, typeof fetch, typeof globalThis.std, typeof os].join() }',
    );
    expect(probe.answers[0]?.answer).toBe('undefined,undefined,undefined,undefined,undefined');
  });

  it('garbage answers: an object, a number, null', async () => {
    expect((await run('function FindProxyForURL(){ return {a: 1} }')).answers[0]?.error).toBe(
      'returned object, not a string',
    );
    expect((await run('function FindProxyForURL(){ return 42 }')).answers[0]?.error).toBe(
      'returned number, not a string',
    );
    expect((await run('function FindProxyForURL(){ return null }')).answers[0]?.error).toBe(
      'returned null, not a string',
    );
  });

  it('memory, recursion, a promise that never settles', async () => {
    expect(
      (await run('function FindProxyForURL(){ var a = []; for (;;) a.push("x".repeat(1000) + a.length) }'))
        .answers[0]?.error,
    ).toMatch(/ran out of memory|did not finish/);
    expect(
      (await run('function f(){ return f() } function FindProxyForURL(){ return f() }')).answers[0]?.error,
    ).toMatch(/recursed too deep/);
    expect(
      (await run('function FindProxyForURL(){ return new Promise(function(){}) }')).answers[0]?.error,
    ).toMatch(/did not finish within 300 ms/);
  });

  it('not JavaScript, no FindProxyForURL, nesting deep enough to overflow the parser', async () => {
    expect((await run('this is <html> not a PAC file')).error).toMatch(/^the PAC file threw/);
    expect((await run('var x = 1;')).error).toMatch(/FindProxyForURL is not defined/);
    expect((await run(`${'['.repeat(20000)}${']'.repeat(20000)}`)).error).toMatch(/^the PAC file/);
  });

  it('a script resolving thousands of names asks the resolver at most 32 times', async () => {
    const dns = table({});
    const r = await evaluatePac(
      'function FindProxyForURL(u, h) { for (var i = 0; i < 5000; i++) dnsResolve("n" + i + ".example"); return "DIRECT"; }',
      one,
      { resolve: dns.resolve, timeoutMs: 2000 },
    );
    expect(r.answers[0]?.answer).toBe('DIRECT');
    expect(dns.calls.length).toBeLessThanOrEqual(32);
  });

  it('a resolver that never answers does not hold the evaluation', async () => {
    const r = await evaluatePac(
      'function FindProxyForURL(u, h) { return dnsResolve(h) ? "PROXY p:1" : "DIRECT" }',
      one,
      {
        resolve: () => new Promise(() => {}),
        timeoutMs: 200,
      },
    );
    expect(r.answers[0]?.answer).toBe('DIRECT');
    expect(r.dns['registry-1.docker.io']).toBeNull();
  });
});

describe('isInNet', () => {
  it('masks as unsigned 32-bit and refuses what is not dotted IPv4', () => {
    expect(inNet('10.1.2.3', '10.0.0.0', '255.0.0.0')).toBe(true);
    expect(inNet('200.1.2.3', '200.0.0.0', '255.0.0.0')).toBe(true);
    expect(inNet('11.1.2.3', '10.0.0.0', '255.0.0.0')).toBe(false);
    expect(inNet(null, '10.0.0.0', '255.0.0.0')).toBe(false);
    expect(inNet('::1', '10.0.0.0', '255.0.0.0')).toBe(false);
  });
});
