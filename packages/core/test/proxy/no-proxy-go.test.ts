import { describe, expect, it } from 'vitest';
import { goBypass, goConfigFromEnv, goProxyForUrl, parseGoNoProxy } from '../../src/proxy/no-proxy-go.js';
import { PROXY_FOR_URL, USE_PROXY, USE_PROXY_NO_PROXY } from './go-httpproxy-table.js';

describe("Go's httpproxy test table", () => {
  it.each(PROXY_FOR_URL.map((c) => [JSON.stringify(c.cfg), c.req ?? 'http://example.com', c] as const))(
    'ProxyForURL %s %s',
    (_cfg, req, c) => {
      const d = goProxyForUrl(c.cfg, req);
      expect(d.proxy ?? '<nil>').toBe(c.want);
      expect('error' in d ? d.error : undefined).toBe(c.wantErr);
    },
  );

  it.each(USE_PROXY)('useProxy(%s) = %s', (host, use) => {
    expect(goBypass(USE_PROXY_NO_PROXY, `${host}:80`).bypass).toBe(!use);
  });

  it('ignores a malformed entry (TestInvalidNoProxy)', () => {
    expect(goBypass(':1', 'example.com:80').bypass).toBe(false);
  });

  it.each(USE_PROXY)('"*" disables the proxy for %s (TestAllNoProxy)', (host) => {
    expect(goBypass('*', `${host}:80`).bypass).toBe(true);
  });
});

describe('Go semantics beyond the table', () => {
  it('prefers uppercase and treats empty as unset (getEnvAny)', () => {
    expect(goConfigFromEnv({ HTTPS_PROXY: 'http://up:1', https_proxy: 'http://low:1' }).httpsProxy).toBe(
      'http://up:1',
    );
    expect(goConfigFromEnv({ HTTPS_PROXY: '', https_proxy: 'http://low:1' }).httpsProxy).toBe('http://low:1');
  });

  it('never uses ALL_PROXY', () => {
    const cfg = goConfigFromEnv({ ALL_PROXY: 'socks5://p:1080' });
    expect(goProxyForUrl(cfg, 'https://registry-1.docker.io/v2/').proxy).toBeNull();
  });

  it('splits NO_PROXY on commas only: a space-separated list is one entry', () => {
    const entries = parseGoNoProxy('a.corp b.corp');
    expect(entries).toHaveLength(1);
    expect(goBypass('a.corp b.corp', 'a.corp:443').bypass).toBe(false);
  });

  it('applies CIDR entries to IP literals only, never to host names', () => {
    expect(goBypass('10.0.0.0/8', '10.1.2.3:443').bypass).toBe(true);
    expect(goBypass('10.0.0.0/8', 'registry.corp:443').bypass).toBe(false);
  });

  it('matches host:port entries only on that port', () => {
    expect(goBypass('registry.corp:5000', 'registry.corp:5000').bypass).toBe(true);
    expect(goBypass('registry.corp:5000', 'registry.corp:443').bypass).toBe(false);
  });

  it('reports the entry that matched', () => {
    expect(goBypass('localhost,.corp', 'git.corp:443')).toEqual({
      bypass: true,
      why: 'no-proxy',
      entry: '.corp',
    });
  });

  it('https:// requests never fall back to HTTP_PROXY', () => {
    expect(goProxyForUrl({ httpProxy: 'http://p:3128' }, 'https://auth.docker.io/token')).toEqual({
      proxy: null,
      why: 'unset',
    });
  });

  it('ignores an unparsable proxy value and goes direct', () => {
    expect(goProxyForUrl({ httpsProxy: 'http://p%zz:3128' }, 'https://x.example/')).toEqual({
      proxy: null,
      why: 'invalid',
    });
  });

  it('retries a bad port as "http://" + value, so Go dials a nonsense proxy', () => {
    // url.Parse("http://http://proxy:port") succeeds with host "http:" — why validation must catch it first.
    expect(goProxyForUrl({ httpsProxy: 'http://proxy:port' }, 'https://x.example/').proxy).toBe(
      'http://http://proxy:port',
    );
  });
});
