import { describe, expect, it } from 'vitest';
import { CONFIG_JSON, DROP_IN, GOOD_DOCKER, GOOD_MACHINES, variant } from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';
import { buildReport } from '../../src/report.js';
import { examplesOf, RULE_EXAMPLES } from '../../src/rules/examples.js';
import { RULES } from '../../src/rules/index.js';
import { RULE_TEXTS } from '../../src/rules/texts.js';
import type { RuleExample } from '../../src/rules/types.js';

const REQUIRED = [
  'builder-proxy-missing',
  'build-args-only',
  'builder-not-inherited',
  'builder-config-stale',
  'daemon-json-unsupported',
  'daemon-json-overrides-env',
  'daemon-json-flag-conflict',
  'desktop-ignores-daemon-json',
  'ignored-config-file',
  'syntax-frontend-pull',
  'client-token-proxy',
  'run-proxy-missing',
  'loopback-proxy-unreachable',
  'env-proxy-in-image',
  'proxy-arg-declared',
  'proxy-credentials-exposed',
  'https-proxy-missing',
  'https-proxy-scheme',
  'proxy-url-invalid',
  'systemd-percent-escape',
  'systemd-environment-quoting',
  'no-proxy-missing-registry',
  'no-proxy-syntax',
  'proxy-case-mismatch',
  'all-proxy-only',
  'tls-inspection-ca',
  'docker-build-vs-buildx-build',
  'git-context-proxy',
  'proxy-network-bypass',
  'daemon-unreachable',
];

function findingsFor(example: RuleExample) {
  return buildReport(synthesize(example.machine), example.profile ?? {}).report.findings;
}

describe('the rule catalogue', () => {
  it('has every rule id the v1 catalogue names, each once', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REQUIRED) expect(ids).toContain(id);
  });

  it('every rule has its examples in rules/<id>/examples.ts, and nothing else has', () => {
    expect(Object.keys(RULE_EXAMPLES).sort()).toEqual(RULES.map((r) => r.id).sort());
    expect(() => examplesOf({ id: 'no-such-rule' })).toThrow(/no examples for rule no-such-rule/);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s has complete metadata', (_id, r) => {
    expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(r.summary.length).toBeGreaterThan(20);
    expect(RULE_TEXTS[r.id]!.explanation.length).toBeGreaterThan(100);
    expect(RULE_TEXTS[r.id]!.fix.length).toBeGreaterThan(20);
    expect(r.references.length).toBeGreaterThan(0);
    for (const ref of r.references) expect(ref.url).toMatch(/^https:\/\//);
    expect(['client', 'runtime', 'builder', 'run']).toContain(r.actor);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s: the documented bad example triggers it', (id, r) => {
    const f = findingsFor(examplesOf(r).bad).filter((x) => x.rule === id);
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) expect(x.message.length).toBeGreaterThan(10);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s: the documented good example does not', (id, r) => {
    expect(findingsFor(examplesOf(r).good).filter((x) => x.rule === id)).toEqual([]);
  });
});

describe('correct setups', () => {
  it.each(Object.entries(GOOD_MACHINES))('no rule fires on a correct machine: %s', (_name, machine) => {
    expect(findingsFor({ title: '', machine })).toEqual([]);
  });
});

describe('actor verdicts', () => {
  it('an actor without the proxy it needs is not "ok", even when the finding is filed under another actor', () => {
    const { report } = buildReport(synthesize(variant(GOOD_DOCKER, { removeFiles: [DROP_IN, CONFIG_JSON] })));
    expect(report.actors.builder.verdict).toBe('error');
    expect(report.actors.runtime.verdict).toBe('warning');
    expect(report.actors.client.verdict).toBe('ok');
  });

  it('every actor is ok on a correct machine', () => {
    const { report } = buildReport(synthesize(GOOD_DOCKER));
    for (const a of Object.values(report.actors)) expect(a.verdict).toBe('ok');
  });
});
