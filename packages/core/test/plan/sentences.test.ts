// The plan's sentences by typed id: the zh-CN template of each has the same slots as the English, a filled
// sentence is found again by its id with the same values (whatever they hold), and no two templates claim one text.
import { describe, expect, it } from 'vitest';
import {
  PLAN_SENTENCES,
  type PlanSentenceId,
  sentence,
  sentenceOf,
  slotsOf,
} from '../../src/plan/sentences.js';
import { PLAN_SENTENCES_ZH_CN } from '../../src/plan/sentences-zh-cn.js';

const IDS = Object.keys(PLAN_SENTENCES) as PlanSentenceId[];
const HOSTILE = ['ci', 'my "builder" \\ 100% $HOME', '~/.config/fish/config.fish', 'a{b}c', '构建器'];

describe('plan sentences by typed id', () => {
  it('the same ids in both languages', () => {
    expect(Object.keys(PLAN_SENTENCES_ZH_CN).sort()).toEqual([...IDS].sort());
  });

  it.each(IDS)('%s: Chinese (or only code: a command name), with the English slots', (id) => {
    expect(PLAN_SENTENCES_ZH_CN[id].replace(/`[^`]*`/g, '')).toMatch(/[\u4e00-\u9fff]|^[\s/]*$/);
    expect(slotsOf(PLAN_SENTENCES_ZH_CN[id]).sort()).toEqual(slotsOf(PLAN_SENTENCES[id]).sort());
  });

  it.each(IDS)('%s: found again by its id, its values verbatim', (id) => {
    for (const v of HOSTILE) {
      const values = Object.fromEntries(slotsOf(PLAN_SENTENCES[id]).map((k) => [k, v]));
      expect(sentenceOf(sentence(id, values))).toEqual({ id, values });
    }
  });

  it('a text no template says is not claimed', () => {
    expect(sentenceOf('systemd re-reads the unit files.')).toBeNull();
    expect(sentenceOf('')).toBeNull();
  });
});
