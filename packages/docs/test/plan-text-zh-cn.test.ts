// The zh-CN snippet generator says in Chinese why each file and command is there: every sentence a plan can show on
// its reference machine, for each target alone and all together and for the kinds of proxy a reader types (plain,
// with a password, with a CA and a mirror, on loopback with and without --proxy-on-host, SOCKS, https://), has its zh-CN text.
import { makePlan, type ProfileInput, sentenceOf, TARGETS, type Target } from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { describe, expect, it } from 'vitest';
import { PLAN_TEXT_ZH_CN } from '../scripts/plan-text-zh-cn';
import { planView } from '../src/scripts/render-plan';

const evidence = synthesize(fixtures.REFERENCE_MACHINE);
const home = evidence.host.home;
const PROFILES: ProfileInput[] = [
  { proxy: 'http://alice:p%40ss@proxy.corp.example:3128' },
  {
    proxy: 'http://alice:p%40ss@127.0.0.1:7890',
    proxyOnHost: true,
    caCert: '/usr/local/share/ca-certificates/corp.crt',
  },
  { proxy: fixtures.PROXY, noProxy: 'localhost,.corp.example', registries: ['registry.corp.example:5000'] },
  {
    proxy: fixtures.PROXY,
    mirrors: ['mirror.corp.example:5000'],
    caCert: '/usr/local/share/ca-certificates/corp.crt',
  },
  { proxy: 'http://127.0.0.1:7890', proxyOnHost: true },
  { proxy: 'http://127.0.0.1:7890' },
  { proxy: 'socks5://127.0.0.1:7891' },
  { proxy: 'https://proxy.corp.example:3128' },
];
const SETS: Target[][] = [...TARGETS.map((t) => [t]), [...TARGETS]];

/** The English sentences of one plan that the page shows, as planView hands them to its translator. */
function sentences(profile: ProfileInput, targets: Target[]): string[] {
  const asked: string[] = [];
  planView(makePlan(evidence, profile, { targets }).plan, home, [], 'zh-CN', (s) => {
    asked.push(s);
    return s;
  });
  return asked;
}

describe('the snippet generator in zh-CN', () => {
  it.each(PROFILES.map((p) => [JSON.stringify(p), p] as const))(
    'every plan sentence for %s has its zh-CN text',
    (_, p) => {
      const missing = new Set<string>();
      let seen = 0;
      for (const targets of SETS)
        for (const s of sentences(p, targets)) {
          seen++;
          // by core's typed id, or (a composed sentence) by its English text in the docs' table
          if (!sentenceOf(s) && !Object.hasOwn(PLAN_TEXT_ZH_CN, s)) missing.add(s);
        }
      expect(seen).toBeGreaterThan(20);
      expect([...missing]).toEqual([]);
    },
  );

  it('the check sees what a new target would say', () => {
    expect(Object.hasOwn(PLAN_TEXT_ZH_CN, 'a sentence no target says')).toBe(false);
    expect(sentenceOf('a sentence no target says')).toBeNull();
    expect(sentenceOf('systemd re-reads the unit files')?.id).toBe('systemd.systemd-re-reads-unit');
    expect(sentences(PROFILES[0]!, ['docker-systemd'])).toContain('systemd re-reads the unit files');
  });
});
