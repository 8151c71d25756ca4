// PAC answers as Netscape's format defines them (MDN, "Proxy Auto-Configuration (PAC) file", return value format),
// and the static proxy they become for Go tools.
import { describe, expect, it } from 'vitest';
import { analyzePac } from '../../src/analyze/pac.js';
import { CORPORATE_PAC, pacEvidence } from '../../src/machines/pac.js';
import {
  describeSteps,
  fallbackNote,
  hostChoice,
  parsePacAnswer,
  staticFromChoices,
  stepProxyUrl,
} from '../../src/pac/answer.js';

describe('parsePacAnswer', () => {
  it('reads the forms real PAC files return', () => {
    expect(parsePacAnswer('PROXY proxy.corp.example:8080; DIRECT').steps).toEqual([
      { kind: 'PROXY', server: 'proxy.corp.example:8080' },
      { kind: 'DIRECT', server: null },
    ]);
    // no spaces after ";", a trailing ";" (free-proxy-list style), lower case, HTTPS and SOCKS5
    expect(parsePacAnswer('PROXY a:1;PROXY b:2;').steps.map((s) => s.server)).toEqual(['a:1', 'b:2']);
    expect(parsePacAnswer('proxy a:1').steps[0]?.kind).toBe('PROXY');
    expect(parsePacAnswer('HTTPS secure.corp:443; SOCKS5 127.0.0.1:7890').steps.map(stepProxyUrl)).toEqual([
      'https://secure.corp:443',
      'socks5://127.0.0.1:7890',
    ]);
    expect(parsePacAnswer('PROXY [2001:db8::1]:3128').steps[0]?.server).toBe('[2001:db8::1]:3128');
  });

  it('sets apart what is not a PAC step', () => {
    expect(parsePacAnswer('system')).toEqual({ steps: [], invalid: ['system'] });
    expect(parsePacAnswer('PROXY').invalid).toEqual(['PROXY']);
    expect(parsePacAnswer('DIRECT now').invalid).toEqual(['DIRECT now']);
    expect(parsePacAnswer('PROXY a b').invalid).toEqual(['PROXY a b']);
    expect(parsePacAnswer('PROXY http://a:1').invalid).toEqual(['PROXY http://a:1']);
    expect(parsePacAnswer('PROXY a:1\r\nX-Evil: 1').invalid.length).toBe(1);
    expect(parsePacAnswer('').steps).toEqual([]);
    // bounded: a huge answer is read up to a cap
    expect(parsePacAnswer('DIRECT;'.repeat(100000)).steps.length).toBeLessThanOrEqual(32);
  });

  it('SOCKS4 has no Go proxy URL', () => {
    expect(stepProxyUrl({ kind: 'SOCKS4', server: 'a:1' })).toBeNull();
  });
});

describe('fallbacks', () => {
  it('"DIRECT; PROXY a:1" is explained: direct first, the proxy only when direct fails, Go never falls back', () => {
    const n = fallbackNote(parsePacAnswer('DIRECT; PROXY a:1').steps);
    expect(n).toContain('try direct, and the proxy only when that fails');
    expect(n).toContain('Go tools never fall back');
    expect(fallbackNote(parsePacAnswer('PROXY a:1').steps)).toBeNull();
    expect(describeSteps(parsePacAnswer('PROXY a:1 ;  DIRECT').steps)).toBe('PROXY a:1; DIRECT');
  });
});

describe('the static proxy', () => {
  it('takes the proxy most hosts get, DIRECT hosts into NO_PROXY, and names the rest', () => {
    const s = staticFromChoices([
      hostChoice('registry-1.docker.io', 'PROXY a:1; PROXY b:1'),
      hostChoice('auth.docker.io', 'PROXY a:1'),
      hostChoice('nexus.corp', 'DIRECT'),
      hostChoice('registry.dmz', 'PROXY dmz:3128'),
      hostChoice('old.example', 'SOCKS4 s:1080'),
      hostChoice('pkg.example', 'DIRECT; PROXY a:1'),
    ]);
    expect(s).toEqual({
      proxy: 'http://a:1',
      noProxy: ['nexus.corp', 'pkg.example'],
      otherProxy: [{ host: 'registry.dmz', proxy: 'http://dmz:3128' }],
      unusable: ['old.example'],
    });
  });

  it('analysis: a failed fetch is a failure; garbage answers are problems', () => {
    expect(analyzePac(undefined)).toBeNull();
    const off = analyzePac(
      pacEvidence({}, { fetch: { result: 'dns', status: null, bytes: 0, ms: 4, detail: 'ENOTFOUND' } }),
    );
    expect(off?.failure).toMatch(/does not resolve \(ENOTFOUND\)/);
    const junk = analyzePac(
      pacEvidence({ 'registry-1.docker.io': 'system', 'auth.docker.io': new Error('threw Error: x') }),
    );
    expect(junk?.hosts.map((h) => h.problem)).toEqual([
      'returned "system", which is not a PAC answer ("PROXY host:port", "DIRECT")',
      'threw Error: x',
    ]);
    expect(analyzePac(CORPORATE_PAC)?.static.proxy).toBe('http://proxy.corp.example:8080');
  });
});
