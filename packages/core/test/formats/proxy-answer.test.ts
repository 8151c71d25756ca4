// The proxy-answer parser on the answers real proxies send, and on hostile ones.
import { describe, expect, it } from 'vitest';
import {
  authSchemes,
  MAX_HEAD,
  maskAuthHeaders,
  parseProxyAnswer,
  productOf,
} from '../../src/formats/proxy-answer.js';

describe('parseProxyAnswer', () => {
  it('a squid 407 (squid 6 headers)', () => {
    const a = parseProxyAnswer(
      'HTTP/1.1 407 Proxy Authentication Required\r\nServer: squid/6.13\r\nProxy-Authenticate: Basic realm="Squid proxy-caching web server"\r\nX-Squid-Error: ERR_CACHE_ACCESS_DENIED 0\r\n\r\n<html>',
    );
    expect(a).toMatchObject({ kind: 'head', status: 407, rest: '<html>' });
    if (a.kind !== 'head') throw new Error();
    expect(authSchemes(a.headers)).toEqual(['Basic']);
    expect(productOf(a.headers, a.rest)).toBe('squid');
  });
  it('incomplete, then not HTTP, then oversize', () => {
    expect(parseProxyAnswer('HTTP/1.1 200 Conn')).toEqual({ kind: 'incomplete' });
    expect(parseProxyAnswer('HT')).toEqual({ kind: 'incomplete' });
    expect(parseProxyAnswer('SSH-2.0-OpenSSH_9.2')).toMatchObject({ kind: 'not-http' });
    expect(parseProxyAnswer(`HTTP/1.1 200 OK\r\n${'X: y\r\n'.repeat(MAX_HEAD)}`)).toMatchObject({
      kind: 'not-http',
    });
    expect(parseProxyAnswer('HTTP/1.1 2OO OK\r\n\r\n')).toMatchObject({ kind: 'not-http' });
  });
  it('bare LF heads count', () => {
    expect(parseProxyAnswer('HTTP/1.0 403 Forbidden\nServer: x\n\nbody')).toMatchObject({
      status: 403,
      rest: 'body',
    });
  });
});

describe('authSchemes', () => {
  const h = (...v: string[]) => v.map((x) => ['proxy-authenticate', x] as [string, string]);
  it('several challenges in one header, parameters and quoted commas skipped', () => {
    expect(authSchemes(h('Digest realm="a, Basic b", nonce="x", qop=auth, Basic realm="y"'))).toEqual([
      'Digest',
      'Basic',
    ]);
    expect(authSchemes(h('Negotiate, NTLM'))).toEqual(['Negotiate', 'NTLM']);
    expect(authSchemes(h('Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnag', 'ntlm', 'NTLM'))).toEqual([
      'Negotiate',
      'ntlm',
    ]);
  });
  it('a hostile header stays linear', () => {
    expect(authSchemes(h(`${'"'.repeat(50_001)}Basic`, ','.repeat(100_000)))).toEqual([]);
  });
});

describe('productOf and maskAuthHeaders', () => {
  it('headers first, body second', () => {
    expect(productOf([['via', '1.1 bluecoat (ProxySG)']], '')).toBe('Blue Coat ProxySG');
    expect(productOf([], '<p>Netskope has blocked</p>')).toBe('Netskope');
    expect(productOf([['content-type', 'text/html']], 'nothing')).toBeNull();
  });
  it('echoed credentials are masked, the header name kept', () => {
    expect(maskAuthHeaders('Proxy-Authorization: Basic YWxpY2U6cHc=\r\nX: 1')).toBe(
      'Proxy-Authorization: ***** ************\r\nX: 1',
    );
  });
});
