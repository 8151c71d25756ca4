// Every rule's two example machines have their zh-CN titles: the /zh-cn/rules/<id>/ headings come from them, so a
// rule added without them would show an English heading on a Chinese page.
import { describe, expect, it } from 'vitest';
import { RULE_EXAMPLE_TITLES_ZH_CN } from '../../src/rules/example-titles-zh-cn.js';
import { examplesOf } from '../../src/rules/examples.js';
import { RULES } from '../../src/rules/index.js';

describe('zh-CN example titles', () => {
  it('exactly one entry per rule', () => {
    expect(Object.keys(RULE_EXAMPLE_TITLES_ZH_CN).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it.each(RULES.map((r) => [r.id, r] as const))(
    '%s: both titles, in Chinese, naming the same things',
    (id, r) => {
      const t = RULE_EXAMPLE_TITLES_ZH_CN[id]!;
      for (const [zh, en] of [
        [t.bad, examplesOf(r).bad.title],
        [t.good, examplesOf(r).good.title],
      ] as const) {
        expect(zh, id).toMatch(/[\u4e00-\u9fff]/);
        // Versions, ports and issue numbers of the English title are kept (a translation must not change the machine).
        for (const n of en.match(/\d+(?:\.\d+)+|#\d+|:\d{2,5}\b/g) ?? [])
          expect(zh, `${id}: ${n}`).toContain(n);
      }
    },
  );
});
