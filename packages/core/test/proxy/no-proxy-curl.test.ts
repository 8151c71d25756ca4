import { describe, expect, it } from 'vitest';
import { curlNoProxyMatch, curlProxyForUrl } from '../../src/proxy/no-proxy-curl.js';
import { goBypass } from '../../src/proxy/no-proxy-go.js';

describe('curl NO_PROXY semantics, and where they disagree with Go', () => {
  const cases: [string, string, boolean, boolean][] = [
    // noProxy, host, curl bypasses, Go bypasses
    ['.corp', 'corp', true, false],
    ['*.corp', 'a.corp', false, true],
    ['registry.corp:5000', 'registry.corp', false, false],
    ['a.corp b.corp', 'b.corp', true, false],
    ['corp', 'a.corp', true, true],
    ['10.0.0.0/8', '10.2.3.4', true, true],
    ['*', 'anything.example', true, true],
  ];
  it.each(cases)('NO_PROXY=%s host=%s: curl %s, Go %s', (np, host, curl, go) => {
    expect(curlNoProxyMatch(np, host) !== null).toBe(curl);
    expect(goBypass(np, `${host}:443`).bypass).toBe(go);
  });

  it('ignores uppercase HTTP_PROXY for http:// but not HTTPS_PROXY for https://', () => {
    expect(curlProxyForUrl({ HTTP_PROXY: 'http://p:1' }, 'http://deb.debian.org/').proxy).toBeNull();
    expect(curlProxyForUrl({ http_proxy: 'http://p:1' }, 'http://deb.debian.org/').proxy).toBe('http://p:1');
    expect(curlProxyForUrl({ HTTPS_PROXY: 'http://p:1' }, 'https://x.example/').proxy).toBe('http://p:1');
  });

  it('falls back to ALL_PROXY', () => {
    expect(curlProxyForUrl({ ALL_PROXY: 'socks5://p:1080' }, 'https://x.example/')).toEqual({
      proxy: 'socks5://p:1080',
      via: 'ALL_PROXY',
    });
  });
});
