// What `buildproxy explain` and the rule pages show must be copyable: every buildx command in an example parses the
// way buildx parses it, and no fixture home is printed as if it were the reader's.
import { describe, expect, it } from 'vitest';
import { parseCsvLine } from '../../src/formats/encode.js';
import { examplesOf } from '../../src/rules/examples.js';
import { RULES } from '../../src/rules/index.js';
import { describeMachine, ruleMarkdown } from '../../src/rules/markdown.js';

/** POSIX sh word splitting for the quoting shQuote produces: bare words and '…' with '\'' escapes. */
function shWords(line: string): string[] {
  const out: string[] = [];
  const re = /(?:[^\s']+|'(?:[^']*)')+/g;
  for (const m of line.matchAll(re)) out.push(m[0].replace(/'([^']*)'/g, '$1'));
  return out;
}

describe('rule examples', () => {
  const all = RULES.flatMap((r) => [examplesOf(r).bad, examplesOf(r).good].map((e) => [r.id, e] as const));

  it.each(all)('%s: every --driver-opt is one CSV field as buildx reads it', (_id, ex) => {
    const machine = describeMachine(ex.machine, ex.profile).find((s) => s.label === 'machine')!.text;
    for (const line of machine.split('\n').filter((l) => l.includes('docker buildx create'))) {
      const words = shWords(line.slice(line.indexOf('docker buildx create')));
      words.forEach((w, i) => {
        if (words[i - 1] !== '--driver-opt') return;
        const fields = parseCsvLine(w);
        expect(fields, `${w} in ${line}`).not.toBeNull();
        expect(fields, `${w} in ${line}`).toHaveLength(1);
      });
    }
  });

  // The one from the issue: the "does not trigger" example showed env.NO_PROXY=a,b,c unquoted.
  it('builder-not-inherited shows its NO_PROXY driver option quoted', () => {
    const md = ruleMarkdown(RULES.find((r) => r.id === 'builder-not-inherited')!);
    expect(md).not.toMatch(/--driver-opt env\.NO_PROXY=[^\s'"]*,/);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s: no fixture home in the page', (_id, r) => {
    expect(ruleMarkdown(r)).not.toContain('/home/alice');
  });
});
