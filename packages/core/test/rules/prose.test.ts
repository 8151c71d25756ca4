// The prose `buildproxy explain` and the docs pages print names plan targets: every name must be a real target,
// and the prose registry must cover exactly the rule registry (one folder per rule holds its check, examples and prose).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { ruleMarkdown } from '../../src/rules/markdown.js';
import { RULE_TEXTS } from '../../src/rules/texts.js';
import { isTarget, TARGETS } from '../../src/targets.js';

const RULE_IDS = new Set(RULES.map((r) => r.id));
/** Hyphenated names in backticks that are neither targets nor rule ids: what each one is. */
const OTHER_NAMES: Record<string, string> = {
  'docker-container': 'the buildx driver',
  'http-proxy': "dockerd's --http-proxy flag",
  'https-proxy': "dockerd's --https-proxy flag",
  'no-proxy': "dockerd's --no-proxy flag",
  'update-ca-certificates': 'the Debian command',
};

const LIST = String.raw`\x60[^\x60\n]+\x60(?:(?:,\s*|\s+and\s+|\s+or\s+|,\s+or\s+)\x60[^\x60\n]+\x60)*`;
const NAMED_AFTER = new RegExp(String.raw`\btargets?\s+(${LIST})`, 'g'); // target `a`, targets `a`, `b`
const NAMED_BEFORE = new RegExp(String.raw`(${LIST})\s+targets?\b`, 'g'); // the `a` and `b` targets
const names = (list: string) => [...list.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);

/** Every target a piece of prose names, with a hyphenated name that is no target reported as a problem. */
function targetMentions(md: string): { named: string[]; unknown: string[] } {
  const named = [...md.matchAll(NAMED_AFTER), ...md.matchAll(NAMED_BEFORE)].flatMap((m) => names(m[1]!));
  const hyphenated = names(md).filter((n) => /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(n));
  const unknown = [
    ...named.filter((n) => !isTarget(n)),
    ...hyphenated.filter((n) => !isTarget(n) && !RULE_IDS.has(n) && !(n in OTHER_NAMES)),
  ];
  return { named, unknown: [...new Set(unknown)] };
}

describe('rule prose', () => {
  it.each(RULES.map((r) => [r.id, r] as const))('%s: explain names only real targets', (_id, rule) => {
    const md = ruleMarkdown(rule);
    const { named, unknown } = targetMentions(md);
    expect(unknown).toEqual([]);
    for (const t of rule.targets) expect(TARGETS).toContain(t);
    // the rule's own targets are printed from its data
    if (rule.targets.length) expect(md).toContain(`\`${rule.targets[0]}\``);
    expect(named.every(isTarget)).toBe(true);
  });

  it('catches a wrong name (the three that shipped)', () => {
    const md = 'recreate it (target `buildx-container`), or `docker-config` and `build-commands` targets';
    expect(targetMentions(md).unknown).toEqual(['buildx-container', 'docker-config', 'build-commands']);
    expect(targetMentions('(targets `docker-systemd`, `kubernetes`)').named).toEqual([
      'docker-systemd',
      'kubernetes',
    ]);
    expect(targetMentions('the `docker-container` driver, see `builder-proxy-missing`').unknown).toEqual([]);
  });

  it('the prose registry covers exactly the rule registry, one folder per rule', () => {
    expect(Object.keys(RULE_TEXTS).sort()).toEqual([...RULE_IDS].sort());
    const dir = join(import.meta.dirname, '../../src/rules');
    const folders = readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory());
    expect(folders.sort()).toEqual([...RULE_IDS].sort());
    for (const id of folders)
      expect(readdirSync(join(dir, id)).sort()).toEqual(['check.ts', 'examples.ts', 'text.ts']);
  });
});
