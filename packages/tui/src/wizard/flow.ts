// The wizard's flow without a terminal: `buildproxy --proxy … --target … --yes`. Same effects, same order.
import { ACTORS, markOf, redactAll } from '@buildproxy/core';
import type { Io } from '../io.js';
import { renderPlan } from '../render/plan.js';
import { makeStyle } from '../render/style.js';
import type { Effects } from './effects.js';
import type { ActChoice, Answers } from './state.js';
import { EMPTY_ANSWERS, mergeAnswers } from './state.js';

export async function runFlow(o: {
  effects: Effects;
  given: Partial<Answers>;
  act: ActChoice;
  runCommands: boolean;
  io: Io;
  color: boolean;
}): Promise<number> {
  const { effects } = o;
  // Everything this flow prints passes the redactor: plans and commands carry the proxy credentials.
  const io = {
    ...o.io,
    out: (t: string) => o.io.out(redactAll(t)),
    err: (t: string) => o.io.err(redactAll(t)),
  };
  const st = makeStyle(o.color);
  io.out(st.bold('1. Detect\n'));
  const detected = await effects.detect((l) => {
    if (l.status !== 'running')
      io.out(`  ${l.status === 'ok' ? '✓' : l.status === 'timeout' ? '⏱' : '·'} ${l.label}\n`);
  });
  const answers = mergeAnswers({ ...EMPTY_ANSWERS, ...detected.answers }, o.given);
  const before = effects.report(detected.evidence, answers, detected.machine);
  io.out(st.bold('2. What we found\n'));
  for (const f of before.findings)
    io.out(`  ${markOf(f.severity).glyph} ${f.rule}: ${redactAll(f.message)}\n`);
  if (before.findings.length === 0) io.out('  no problems found\n');
  io.out(st.bold('3. Review\n'));
  let plan: ReturnType<Effects['plan']>;
  try {
    plan = effects.plan(detected.evidence, answers, detected.machine);
  } catch (e) {
    io.err(`buildproxy: cannot plan: ${(e as Error).message}\n`);
    return 2;
  }
  io.out(renderPlan(plan, st));
  io.out(st.bold('4. Act\n'));
  const outcome = await effects.act(o.act, plan);
  for (const l of outcome.lines) io.out(`  ${l}\n`);
  let ran = false;
  if (o.runCommands && o.act === 'write' && outcome.ok && plan.commands.length) {
    for (const l of await effects.runCommands(plan)) io.out(`  ${l}\n`);
    ran = true;
  }
  io.out(st.bold('5. Verify\n'));
  const after = await effects.verify(answers);
  for (const a of ACTORS) {
    io.out(`  ${a.padEnd(8)} ${before.actors[a].verdict} → ${after.actors[a].verdict}\n`);
  }
  if (!ran && plan.commands.length && o.act === 'write')
    io.out(`  takes effect after: ${plan.commands.map((c) => c.argv.join(' ')).join('; ')}\n`);
  if (outcome.backups.length) io.out(`  backups: ${outcome.backups.join(', ')}\n`);
  return outcome.ok ? 0 : 1;
}
