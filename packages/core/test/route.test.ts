// route on analysed machines: the Go classes issue 14 lists, the real dial address, old daemons (Go 1.19).
import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../src/analyze/profile.js';
import { analyze } from '../src/analyze/state.js';
import { DROP_IN, dropIn, GOOD_DOCKER, variant } from '../src/machines/fixtures.js';
import { synthesize } from '../src/machines/synth.js';
import { routeUrl } from '../src/route.js';

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
