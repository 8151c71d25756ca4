// Every rule has its zh-CN text, and the translation names the same things the English does: the same targets
// (each one real), and no rule that does not exist.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { RULE_TEXTS_ZH_CN } from '../../src/rules/texts-zh-cn.js';
import { TARGETS } from '../../src/targets.js';

describe('zh-CN rule texts', () => {
  it('exactly one entry per rule', () => {
    expect(Object.keys(RULE_TEXTS_ZH_CN).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it.each(RULES.map((r) => [r.id] as const))('%s: complete, Chinese, real targets and links', (id) => {
    const t = RULE_TEXTS_ZH_CN[id]!;
    for (const part of [t.title, t.summary, t.explanation, t.fix]) {
      expect(part.trim().length).toBeGreaterThan(3);
      expect(part).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const m of `${t.explanation}\n${t.fix}`.matchAll(/target `([^`]+)`|、`([a-z-]+)`/g)) {
      const name = m[1] ?? m[2]!;
      if (/^[a-z]+(-[a-z]+)+$/.test(name) && !/\.|\//.test(name) && name.includes('-'))
        expect(TARGETS as readonly string[], `${id}: ${name}`).toContain(name);
    }
    for (const m of `${t.explanation}\n${t.fix}`.matchAll(/\]\(\/zh-cn\/rules\/([^/)]+)\/\)/g))
      expect(RULES.map((r) => r.id)).toContain(m[1]);
  });
});
