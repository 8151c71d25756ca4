// route on analysed machines: the Go classes issue 14 lists, the real dial address, old daemons (Go 1.19).
import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../src/analyze/profile.js';
import { analyze } from '../src/analyze/state.js';
import { CMD } from '../src/evidence/canonical.js';
import { DROP_IN, dropIn, GOOD_DOCKER, variant } from '../src/machines/fixtures.js';
import { synthesize } from '../src/machines/synth.js';
import { goBehaviour, routeUrl } from '../src/route.js';

function routeOn(proxy: string, url: string, engine = '26.1.5', noProxy?: string) {
  const state = analyze(
    synthesize(variant(GOOD_DOCKER, { files: { [DROP_IN]: dropIn(proxy, noProxy) }, docker: { engine } })),
  );
  return routeUrl(state, resolveProfile({}, state.layers, state.client), url);
}

describe('route, Go actors', () => {
  it('shows the host:port Go really dials for a mangled value (DOMAIN\\user), masked', () => {
    // the client actor reads the shell as is (dockerd's value comes through docker info, masked by dockerd)
    const value = 'http://CORP\\alice:s3cret@proxy.corp.example:3128';
    const state = analyze(synthesize(variant(GOOD_DOCKER, { env: { HTTPS_PROXY: value } })));
    const r = routeUrl(
      state,
      resolveProfile({}, state.layers, state.client),
      'https://registry-1.docker.io/v2/',
    );
    expect(r.actors.client).toMatchObject({ verdict: 'proxy', dial: 'http:80', mangled: true });
    expect(r.actors.client.reason).toMatch(/percent-encode/);
    expect(JSON.stringify(r)).not.toContain('s3cret');
  });

  it('a well-formed value dials the proxy itself and is not mangled', () => {
    const r = routeOn('http://proxy.corp.example:3128', 'https://registry-1.docker.io/v2/');
    expect(r.actors.runtime).toMatchObject({
      verdict: 'proxy',
      dial: 'proxy.corp.example:3128',
      mangled: false,
    });
  });

  it('an unparsable target URL is an error, not "direct"', () => {
    const r = routeOn('http://proxy.corp.example:3128', 'https://a b/');
    expect(r.actors.runtime.verdict).toBe('error');
    expect(r.actors.runtime.error).toBe('parse "https://a b/": invalid character " " in host name');
  });

  it('ssh:// goes direct for every actor, and says why', () => {
    const r = routeOn('http://proxy.corp.example:3128', 'ssh://git@github.com/o/r.git');
    for (const a of Object.values(r.actors)) expect(a.verdict).toBe('direct');
    expect(r.actors.builder.reason).toMatch(/ssh.*ignores HTTP proxies/);
    expect(r.actors.run.reason).toMatch(/ssh/);
  });

  it('an IP host is never matched by a name-suffix entry under Go 1.24, but is by dockerd 20.10 (Go 1.19)', () => {
    const now = routeOn('http://proxy.corp.example:3128', 'https://10.1.2.3/v2/', '26.1.5', '.3');
    expect(now.actors.runtime).toMatchObject({ verdict: 'proxy', go: '1.24' });
    const old = routeOn('http://proxy.corp.example:3128', 'https://10.1.2.3/v2/', '20.10.24', '.3');
    expect(old.actors.runtime).toMatchObject({ verdict: 'direct', go: '1.19' });
    expect(old.actors.runtime.reason).toMatch(/built with Go 1\.19 — Go 1\.24 would go via/);
    // the client (docker CLI/buildx) is not dockerd: today's Go
    expect(old.actors.client.go).toBe('1.24');
  });

  // Docker's own builds of Engine 23–27 use Go 1.19–1.22 (26.1.2: go1.21.10, in its `docker version`), which answer
  // the IP/name-suffix case as 1.19 does (so does 1.23: the change is 1.24's); Debian rebuilds 26.1.5 with Go 1.24.
  // The engine version alone cannot tell.
  it.each([
    ['26.1.2', 'go1.21.10', '1.21', 'direct'],
    ['26.1.5', 'go1.24.4', '1.24', 'proxy'],
    ['23.0.0', 'go1.19.5', '1.19', 'direct'],
    ['28.0.0', 'go1.23.6', '1.23', 'direct'],
  ] as const)('dockerd %s built with %s answers as Go %s', (engine, goVersion, go, verdict) => {
    const ev = synthesize(
      variant(GOOD_DOCKER, {
        files: { [DROP_IN]: dropIn('http://proxy.corp.example:3128', '.3') },
        docker: { engine },
      }),
    );
    const version = ev.commands.find((c) => c.argv.join(' ') === CMD.dockerVersion.join(' '))!;
    version.stdout = JSON.stringify({
      Client: { Version: '28.2.2' },
      Server: { Version: engine, GoVersion: goVersion },
    });
    const state = analyze(ev);
    expect(state.docker.engineGo).toBe(goVersion);
    const r = routeUrl(state, resolveProfile({}, state.layers, state.client), 'https://10.1.2.3/v2/');
    expect(r.actors.runtime).toMatchObject({ go, verdict });
    if (verdict === 'direct')
      expect(r.actors.runtime.reason).toContain(`built with Go ${goVersion.slice(2)}`);
  });

  it('goBehaviour reads the Go release, and nothing else', () => {
    expect(goBehaviour('go1.20.14')).toBe('1.19');
    expect(goBehaviour('go1.25.1')).toBe('1.24');
    expect(goBehaviour('devel +abc')).toBeNull();
    expect(goBehaviour(null)).toBeNull();
  });

  it('punycode: straße.de is not strasse.de', () => {
    const r = routeOn('http://proxy.corp.example:3128', 'https://straße.de/', '26.1.5', 'strasse.de');
    expect(r.actors.runtime.verdict).toBe('proxy');
    const same = routeOn(
      'http://proxy.corp.example:3128',
      'https://straße.de/',
      '26.1.5',
      'xn--strae-oqa.de',
    );
    expect(same.actors.runtime.verdict).toBe('direct');
  });

  it("REQUEST_METHOD in the shell: an http:// request that would use HTTP_PROXY fails (Go's CGI rule)", () => {
    const env = { HTTP_PROXY: 'http://proxy.corp.example:3128', REQUEST_METHOD: 'GET' };
    const state = analyze(synthesize(variant(GOOD_DOCKER, { env })));
    const profile = resolveProfile({}, state.layers, state.client);
    const r = routeUrl(state, profile, 'http://deb.debian.org/debian/');
    expect(r.actors.client).toMatchObject({
      verdict: 'error',
      error: expect.stringMatching(/refusing to use HTTP_PROXY/),
    });
    expect(routeUrl(state, profile, 'https://deb.debian.org/').actors.client.verdict).not.toBe('error');
  });

  it('a misspelt variable name is not read, and route says so', () => {
    const state = analyze(
      synthesize(variant(GOOD_DOCKER, { env: { Https_Proxy: 'http://proxy.corp.example:3128' } })),
    );
    const r = routeUrl(
      state,
      resolveProfile({}, state.layers, state.client),
      'https://registry-1.docker.io/v2/',
    );
    expect(r.actors.client.verdict).toBe('direct');
    expect(r.actors.client.reason).toMatch(
      /Https_Proxy is set, but Go reads only HTTPS_PROXY and https_proxy/,
    );
  });
});
