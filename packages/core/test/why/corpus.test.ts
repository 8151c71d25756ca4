// The error corpus: real errors users pasted in public issue trackers, each with its source, the requester
// that made the failing request and the cause. Every entry must be read right: the first actor and the cause,
// and no proxy rule for the errors no proxy setting fixes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findRule } from '../../src/rules/index.js';
import { readError } from '../../src/why/index.js';
import { CAUSES, type CauseFamily, type CauseId } from '../../src/why/vocabulary.js';

interface Entry {
  source: string;
  actor: string;
  cause: CauseId;
  text: string;
  note?: string;
}

const corpus: Entry[] = JSON.parse(
  readFileSync(new URL('../fixtures/errors/corpus.json', import.meta.url), 'utf8'),
);

describe('the error corpus', () => {
  it('is real and large enough: ≥ 60 quotes with their issue URL, ≥ 10 that are not proxy problems', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    for (const e of corpus) {
      expect(e.source).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/(issues|pull)\/\d+$/);
      expect(e.text.length).toBeGreaterThan(10);
      expect(CAUSES[e.cause], e.cause).toBeDefined();
    }
    const families = new Map<CauseFamily, number>();
    for (const e of corpus)
      families.set(CAUSES[e.cause].family, (families.get(CAUSES[e.cause].family) ?? 0) + 1);
    expect(families.get('not-proxy')).toBeGreaterThanOrEqual(10);
    // the families that users hit most have at least five real examples each
    for (const f of [
      'proxyconnect',
      'direct',
      'proxy-auth',
      'proxy-refused',
      'tls-inspection',
      'timeout',
    ] as const)
      expect(families.get(f), f).toBeGreaterThanOrEqual(5);
  });

  it.each(corpus.map((e, i) => [`${i} ${e.source}`, e] as const))('%s', (_, e) => {
    const r = readError(e.text);
    expect(r.recognised).toBe(true);
    expect({ cause: r.cause, actor: r.actor ?? '' }).toEqual({ cause: e.cause, actor: e.actor });
    expect(r.excerpt.length).toBeGreaterThan(0);
    if (CAUSES[e.cause].family === 'not-proxy') {
      expect(r.proxyProblem).toBe(false);
      expect(r.rules).toEqual([]);
    }
    for (const id of r.rules) expect(findRule(id), id).toBeDefined();
  });
});
