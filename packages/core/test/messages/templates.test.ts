// Every finding message has a typed id whose English template reproduces, byte for byte, what the rule prints (the
// differential test against the existing text), and whose Chinese template keeps the same values verbatim and says
// the rest in Chinese. Run over every rule's example machines (rules/<id>/examples.ts via examplesOf) under several
// proxies, the captured platform and engine evidence, and the snippet generator's machine after each target's plan.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/analyze/profile.js';
import { analyze } from '../../src/analyze/state.js';
import type { ProfileInput } from '../../src/analyze/types.js';
import type { Evidence } from '../../src/evidence/schema.js';
import { parseEvidence } from '../../src/evidence/validate.js';
import { fixtures, synthesize } from '../../src/machines/index.js';
import { MESSAGES_EN } from '../../src/messages/en.js';
import type { MessageId } from '../../src/messages/ids.js';
import { type MsgRef, renderMsg } from '../../src/messages/ref.js';
import { plainText, type Rich } from '../../src/messages/rich.js';
import { MESSAGES_ZH_CN } from '../../src/messages/zh-cn.js';
import { makePlan } from '../../src/plan/index.js';
import { withCommands, withFiles } from '../../src/plan/simulate.js';
import { buildReport, diagnose } from '../../src/report.js';
import { examplesOf } from '../../src/rules/examples.js';
import { RULES } from '../../src/rules/index.js';
import type { Finding } from '../../src/rules/types.js';
import { TARGETS } from '../../src/targets.js';

const CANARY = 'CANARYpw';
const PROXIES: ProfileInput[] = [
  {},
  { proxy: `http://alice:${CANARY}@proxy.corp.example:3128`, registries: ['registry.corp.example:5000'] },
  { proxy: 'http://127.0.0.1:7890', caCert: '/usr/local/share/ca-certificates/corp.crt' },
  { proxy: 'socks5://127.0.0.1:7891' },
];
const CAPTURES = ['platforms', 'engines'].flatMap((dir) => {
  const at = join(import.meta.dirname, '../fixtures', dir);
  return readdirSync(at)
    .filter((f) => f.endsWith('.json') && f !== 'sources.json')
    .map((f) => [`${dir}/${f}`, parseEvidence(JSON.parse(readFileSync(join(at, f), 'utf8')))] as const);
});

const { CONFIG_JSON, DROP_IN, GOOD_DOCKER, PROXY, configJson, dropIn, shellEnv, variant } = fixtures;
/** Hostile values the examples do not reach: every kind of bad NO_PROXY entry, specifiers, quotes, backslashes,
 * escapes and non-ASCII in a proxy value. */
const HOSTILE = {
  'no-proxy entries': variant(GOOD_DOCKER, {
    env: shellEnv(PROXY, '"localhost;.corp.example"'),
    files: {
      [CONFIG_JSON]: configJson(
        PROXY,
        'http://x.example,10.0.0.0/33,foo*bar,*.internal,registry.example:5000',
      ),
    },
  }),
  'a specifier systemd replaces': variant(GOOD_DOCKER, {
    files: { [DROP_IN]: dropIn('http://alice:p%hss@proxy.corp.example:3128') },
  }),
  'quotes, backslashes, escapes': variant(GOOD_DOCKER, {
    env: shellEnv('http://pro"xy\\\u001b[31m.例子:3128', 'a b,c'),
  }),
};

function reports(): [string, Finding][] {
  const out: [string, Finding][] = [];
  const add = (name: string, ev: Evidence, p: ProfileInput) => {
    for (const f of buildReport(ev, p).report.findings) out.push([`${name}: ${f.rule}`, f]);
  };
  for (const r of RULES)
    for (const k of ['bad', 'good'] as const) {
      const ex = examplesOf(r)[k];
      const ev = synthesize(ex.machine);
      add(`${r.id} ${k}`, ev, ex.profile ?? {});
      for (const [i, p] of PROXIES.entries()) if (!ex.profile) add(`${r.id} ${k} proxy#${i}`, ev, p);
    }
  for (const [name, m] of Object.entries(HOSTILE)) add(name, synthesize(m), {});
  for (const [name, ev] of CAPTURES) for (const [i, p] of PROXIES.entries()) add(`${name} proxy#${i}`, ev, p);
  // a rule that throws: the report's own message
  const st = analyze(synthesize(GOOD_DOCKER));
  const broken = {
    ...RULES[0]!,
    check: () => {
      throw new Error('boom "quoted" \\ 100%');
    },
  };
  for (const f of diagnose(st, resolveProfile({}, st.layers, st.client), [broken]))
    out.push(['a rule that throws', f]);
  // the snippet generator: its machine once each target's plan is applied, as its warnings show it
  const ref = synthesize(fixtures.REFERENCE_MACHINE);
  for (const t of TARGETS)
    for (const [i, p] of PROXIES.slice(1).entries()) {
      const { plan } = makePlan(ref, p, { targets: [t] });
      add(`snippets ${t} proxy#${i + 1}`, withCommands(withFiles(ref, plan), plan), {});
    }
  return out;
}
const findings = reports();
// One case per distinct message (the same text from several machines is one check).
const distinct = [
  ...new Map(findings.map(([n, f]) => [`${f.rule}\0${f.message}`, [n, f] as const])).values(),
];

const CJK = /[\u4e00-\u9fff]/;
const prose = (r: Rich) => r.filter((p): p is string => typeof p === 'string').join('');
const valuesOf = (r: Rich) =>
  r
    .filter((p) => typeof p !== 'string')
    .map((p) => ('code' in p ? `code:${p.code}` : `label:${p.label}`))
    .sort();
/** The ids a message uses: its own and those of the phrases nested in its values. */
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

describe('finding messages by typed id', () => {
  it('the machines give findings of every rule', () => {
    expect(RULES.map((r) => r.id).filter((id) => !findings.some(([, f]) => f.rule === id))).toEqual([]);
    expect(distinct.length).toBeGreaterThan(RULES.length * 2);
  });

  it('every finding carries its typed message', () => {
    expect(findings.filter(([, f]) => !f.msg).map(([n]) => n)).toEqual([]);
  });

  it.each(distinct)('%s: English is the rule’s text, Chinese keeps its values', (_, f) => {
    for (const id of ids(f.msg!)) {
      expect(Object.hasOwn(MESSAGES_EN, id), id).toBe(true);
      expect(Object.hasOwn(MESSAGES_ZH_CN, id), id).toBe(true);
    }
    const en = renderMsg(f.msg!, MESSAGES_EN);
    const zh = renderMsg(f.msg!, MESSAGES_ZH_CN);
    expect(plainText(en)).toBe(f.message);
    expect(prose(zh)).toMatch(CJK);
    // the same values, each verbatim: a translation changes the words around them, never what they say
    expect(valuesOf(zh)).toEqual(valuesOf(en));
  });

  it('a password in the proxy is masked in the values as in the message', () => {
    const withCanary = findings.filter(([n]) => n.includes('proxy#1'));
    expect(withCanary.length).toBeGreaterThan(20);
    expect(withCanary.filter(([, f]) => JSON.stringify(f).includes(CANARY)).map(([n]) => n)).toEqual([]);
    // and the masking happened: some message shows the masked URL
    expect(
      withCanary.some(([, f]) => f.message.includes('alice:****@') || f.message.includes('alice:***@')),
    ).toBe(true);
  });

  it('both tables have the same ids, and most are exercised here', () => {
    expect(Object.keys(MESSAGES_ZH_CN).sort()).toEqual(Object.keys(MESSAGES_EN).sort());
    const used = new Set(findings.flatMap(([, f]) => ids(f.msg!)));
    const unused = (Object.keys(MESSAGES_EN) as MessageId[]).filter((id) => !used.has(id));
    // ids no machine here reaches are held by the types only; keep them few
    console.log(`unused ${unused.length}/${Object.keys(MESSAGES_EN).length}: ${unused.join(' ')}`);
    expect(unused.length, unused.join(', ')).toBeLessThan(Object.keys(MESSAGES_EN).length / 3);
  });
});
