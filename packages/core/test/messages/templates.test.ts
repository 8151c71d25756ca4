// Every finding message has a typed id whose English template reproduces, byte for byte, what the rule prints (the
// differential test against the existing text), and whose Chinese template keeps the same values verbatim. Run over
// every rule's example machines (rules/<id>/examples.ts via examplesOf), as the docs' analyzer shows them.
import { describe, expect, it } from 'vitest';
import { synthesize } from '../../src/machines/index.js';
import { MESSAGES_EN } from '../../src/messages/en.js';
import { type MsgRef, renderMsg } from '../../src/messages/ref.js';
import { plainText, type Rich } from '../../src/messages/rich.js';
import { MESSAGES_ZH_CN } from '../../src/messages/zh-cn.js';
import { buildReport } from '../../src/report.js';
import { examplesOf } from '../../src/rules/examples.js';
import { RULES } from '../../src/rules/index.js';
import type { Finding } from '../../src/rules/types.js';

const CJK = /[\u4e00-\u9fff]/;
const prose = (r: Rich) => r.filter((p): p is string => typeof p === 'string').join('');
const valuesOf = (r: Rich) =>
  r
    .filter((p) => typeof p !== 'string')
    .map((p) => ('code' in p ? `code:${p.code}` : `label:${p.label}`))
    .sort();
/** The ids a message uses, itself and the phrases nested in its values. */
function ids(ref: MsgRef): string[] {
  const out = [ref.id as string];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if ('id' in v && 'values' in v) out.push(...ids(v as MsgRef));
      else Object.values(v).forEach(walk);
    }
  };
  walk(ref.values);
  return out;
}

const findings: [string, Finding][] = RULES.flatMap((r) =>
  (['bad', 'good'] as const).flatMap((k) => {
    const ex = examplesOf(r)[k];
    return buildReport(synthesize(ex.machine), ex.profile ?? {}).report.findings.map(
      (f) => [`${r.id} ${k}: ${f.rule}`, f] as [string, Finding],
    );
  }),
);

describe('finding messages by typed id', () => {
  it('the example machines give findings of most rules', () => {
    expect(new Set(findings.map(([, f]) => f.rule)).size).toBeGreaterThan(RULES.length * 0.9);
  });

  // Rules whose messages are not typed yet: shrinks to empty (a rule listed here that has one fails too).
  const UNTYPED = new Set<string>([
    'all-proxy-only',
    'build-args-only',
    'builder-config-stale',
    'builder-not-inherited',
    'builder-proxy-missing',
    'colima-loopback-proxy',
    'config-file-invalid',
    'daemon-json-flag-conflict',
    'daemon-json-overrides-env',
    'desktop-loopback-proxy',
    'docker-build-vs-buildx-build',
    'file-unreadable',
    'git-context-proxy',
    'https-proxy-missing',
    'ignored-config-file',
    'lima-system-proxy',
    'loopback-proxy-unreachable',
    'no-proxy-direct-only',
    'no-proxy-missing-registry',
    'no-proxy-syntax',
    'pac-proxy-not-used',
    'pac-static-proxy',
    'pac-unusable',
    'podman-add-url-no-proxy',
    'podman-compose-no-proxy',
    'podman-engine-env-in-run',
    'podman-http-proxy-ignored',
    'podman-machine-loopback-proxy',
    'podman-machine-proxy-stale',
    'podman-remote-run-no-proxy',
    'proxy-auth-required',
    'proxy-case-mismatch',
    'proxy-credentials-exposed',
    'proxy-forbids-host',
    'proxy-network-bypass',
    'proxy-unreachable',
    'proxy-url-invalid',
    'sudo-env-reset',
    'syntax-frontend-pull',
    'systemd-environment-quoting',
    'systemd-percent-escape',
    'tls-inspection-ca',
    'tls-inspection-untrusted',
    'wsl-autoproxy-https-missing',
    'wsl-nat-loopback-proxy',
  ]);
  it('every finding carries its typed message', () => {
    const without = new Set(findings.filter(([, f]) => !f.msg).map(([, f]) => f.rule));
    expect([...without].sort()).toEqual([...UNTYPED].sort());
  });

  it.each(findings.filter(([, f]) => f.msg))(
    '%s: English is the rule’s text, Chinese keeps its values',
    (_, f) => {
      const used = ids(f.msg!);
      for (const id of used) {
        expect(Object.hasOwn(MESSAGES_EN, id), id).toBe(true);
        expect(Object.hasOwn(MESSAGES_ZH_CN, id), id).toBe(true);
      }
      const en = renderMsg(f.msg!, MESSAGES_EN);
      const zh = renderMsg(f.msg!, MESSAGES_ZH_CN);
      expect(plainText(en)).toBe(f.message);
      expect(prose(zh)).toMatch(CJK);
      // the same values, each verbatim: a translation changes the words around them, never what they say
      expect(valuesOf(zh)).toEqual(valuesOf(en));
    },
  );

  it('both tables have the same ids', () => {
    expect(Object.keys(MESSAGES_ZH_CN).sort()).toEqual(Object.keys(MESSAGES_EN).sort());
  });
});
