import { describe, expect, it } from 'vitest';
import { cidrContains, isLoopback, parseCIDR, parseIP } from '../../src/proxy/ip.js';
import { formatProxyUrl, parseProxyUrl } from '../../src/proxy/url.js';

describe('parseProxyUrl', () => {
  it('assumes http:// when the scheme is missing', () => {
    const r = parseProxyUrl('proxy.corp:3128');
    expect(r.ok && r.url).toMatchObject({
      scheme: 'http',
      schemeGiven: false,
      host: 'proxy.corp',
      port: 3128,
    });
  });

  it.each(['http', 'https', 'socks5', 'socks5h'])('accepts %s://', (s) => {
    expect(parseProxyUrl(`${s}://p:1`).ok).toBe(true);
  });

  it('uses the scheme default port when none is given', () => {
    const r = parseProxyUrl('https://p');
    expect(r.ok && r.url.effectivePort).toBe(443);
  });

  it('keeps percent-encoded credentials', () => {
    const r = parseProxyUrl('http://dom%5Cuser:p%40ss@p:3128');
    expect(r.ok && r.url).toMatchObject({ username: 'dom%5Cuser', password: 'p%40ss' });
  });

  it('accepts IPv6 in brackets', () => {
    const r = parseProxyUrl('http://[2001:db8::1]:3128');
    expect(r.ok && formatProxyUrl(r.url)).toBe('http://[2001:db8::1]:3128');
  });

  const bad: [string, string, RegExp][] = [
    ['', 'empty', /empty/],
    ['  http://p:3128', 'whitespace', /whitespace/],
    ['http://p:3128\n', 'whitespace', /whitespace/],
    ['"http://p:3128"', 'quoted', /quotes/],
    ["'http://p:3128'", 'quoted', /quotes/],
    ['ftp://p:21', 'scheme', /unsupported proxy scheme "ftp"/],
    ['http://:3128', 'empty-host', /no host/],
    ['http://', 'empty-host', /no host/],
    ['http://p:', 'bad-port', /no port/],
    ['http://p:abc', 'bad-port', /not a number/],
    ['http://p:0', 'bad-port', /out of range/],
    ['http://p:70000', 'bad-port', /out of range/],
    ['http://a:p@ss@p:3128', 'credentials-unencoded', /unencoded "@"/],
    ['http://a:p/ss@p:3128', 'credentials-unencoded', /unencoded "\/"/],
    ['http://a:p?ss@p:3128', 'credentials-unencoded', /unencoded "\?"/],
    ['http://a:p#ss@p:3128', 'credentials-unencoded', /unencoded "#"/],
    ['http://a:100%@p:3128', 'credentials-unencoded', /%25/],
    ['http://p:3128/path', 'path', /path/],
    ['http://2001:db8::1:3128', 'bad-host', /brackets/],
  ];
  it.each(bad)('rejects %j as %s', (value, code, msg) => {
    const r = parseProxyUrl(value);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe(code);
      expect(`${r.problem.message}; ${r.problem.fix}`).toMatch(msg);
    }
  });

  it('never puts the password in an error message', () => {
    const r = parseProxyUrl('http://alice:Canary#Secret@p:3128');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(JSON.stringify(r.problem)).not.toContain('Canary');
  });
});

describe('IP parsing like Go', () => {
  it('parses v4, v6 and embedded v4', () => {
    expect(parseIP('192.168.1.1')).not.toBeNull();
    expect(parseIP('::ffff:192.168.1.1')).toEqual(parseIP('192.168.1.1'));
    expect(parseIP('2001:db8::52:0:1')).not.toBeNull();
    expect(parseIP('1.2.3')).toBeNull();
    expect(parseIP('010.0.0.1')).toBeNull();
    expect(parseIP('1::2::3')).toBeNull();
  });

  it('knows loopback', () => {
    expect(isLoopback(parseIP('127.5.5.5')!)).toBe(true);
    expect(isLoopback(parseIP('::1')!)).toBe(true);
    expect(isLoopback(parseIP('::2')!)).toBe(false);
  });

  it('matches CIDRs', () => {
    expect(cidrContains(parseCIDR('10.0.0.0/30')!, parseIP('10.0.0.3')!)).toBe(true);
    expect(cidrContains(parseCIDR('10.0.0.0/30')!, parseIP('10.0.0.4')!)).toBe(false);
    expect(cidrContains(parseCIDR('2002:db8:a::45/64')!, parseIP('2002:db8:a::123')!)).toBe(true);
  });
});
