// The wizard's flow without a terminal: `buildproxy --proxy … --target … --yes`. Same effects, same order.
import { ACTORS, exitCodeFor, markOf, readError, redactAll } from '@buildproxy/core';
import type { Io } from '../io.js';
import { renderPlan } from '../render/plan.js';
import { makeStyle } from '../render/style.js';
import type { Effects } from './effects.js';
import { finalBlock } from './final.js';
import type { ActChoice, Answers } from './state.js';
import { EMPTY_ANSWERS, mergeAnswers } from './state.js';

export async function runFlow(o: {
  effects: Effects;
  given: Partial<Answers>;
  act: ActChoice;
  runCommands: boolean;
  /** print mode's final block with passwords: --reveal on a terminal (entry.ts checks) */
  reveal?: boolean;
  root?: string;
  planFile?: string;
  outDir?: string;
  io: Io;
  color: boolean;
}): Promise<number> {
  const { effects } = o;
  // Everything this flow prints passes the redactor: plans and commands carry the proxy credentials. Only print
  // mode's final block with --reveal on a terminal goes out as it is (o.io.out).
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
  if (!answers.proxy && !answers.httpsProxy) {
    // An unconfigured machine is not a healthy one: say what is missing and how to give it.
    io.err(
      'buildproxy: no proxy is set anywhere on this machine and none was given\nfix: pass --proxy URL\n',
    );
    return 2;
  }
  for (const f of before.findings)
    io.out(`  ${markOf(f.severity).glyph} ${f.rule}: ${redactAll(f.message)}\n`);
  if (before.findings.length === 0) io.out('  no problems found\n');
  if (answers.errorText) {
    const r = readError(answers.errorText, detected.machine);
    io.out(
      r.recognised
        ? `  the error you gave: ${r.requester ?? 'unknown requester'}: ${r.title} (${r.rules.join(', ')})\n`
        : '  the error you gave: no known build-network failure in it\n',
    );
  }
  // No --target: the targets that fix what was found (or given with --error), each with why.
  if (!o.given.targets?.length) {
    const picked = effects.preselect(detected.evidence, answers, detected.machine, detected.targetChoices);
    answers.targets = picked.targets;
    for (const t of picked.targets) io.out(`  selected ${t}: ${picked.why[t] ?? ''}\n`);
  }
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
  const block = finalBlock({
    ended: 'done',
    plan,
    outcome,
    commandsRun: ran,
    buildCommand: answers.buildCommand,
    root: o.root,
    planFile: o.planFile ?? 'buildproxy-plan.json',
    outDir: o.outDir ?? 'buildproxy-out',
    reveal: o.reveal === true && o.act === 'print',
  });
  io.out(st.bold('6. Done\n'));
  (o.reveal && o.act === 'print' ? o.io.out : io.out)(block);
  // The doctor's exit codes: 1 while an error finding remains, whatever was written.
  return outcome.ok ? exitCodeFor(after.findings) : 1;
}
