// `buildproxy plan --remove`: the plan that takes out what buildproxy wrote (core/plan/remove.ts), shown or saved
// like any plan and applied by the same `apply`.
import { makeRemovalPlan, redactAll, removalReads, type Target } from '@buildproxy/core';
import type { Evidence } from '@buildproxy/core/evidence';
import { readText, writePrivateFile } from '@buildproxy/core/node';
import type { Values } from '../args.js';
import { UsageError } from '../errors.js';
import { getEvidence, rootFrom } from '../evidence-source.js';
import type { Io } from '../io.js';
import { redactedPlanJson, renderPlan } from '../render/plan.js';

const PROXY_FLAGS = [
  'proxy',
  'http-proxy',
  'https-proxy',
  'no-proxy',
  'registry',
  'mirror',
  'ca-cert',
  'error',
];

/** The files a removal looks at that a capture does not read (proxy.sh, the rc files, our drop-ins). */
async function withRemovalFiles(ev: Evidence, root: string | undefined): Promise<Evidence> {
  const files = { ...ev.files };
  for (const path of removalReads(ev)) {
    const r = await readText(root, path);
    files[path] = typeof r === 'string' && r !== 'unreadable' && r !== 'too-large' ? r : null;
  }
  return { ...ev, files };
}

export async function planRemove(values: Values, targets: Target[] | undefined, io: Io): Promise<number> {
  const given = PROXY_FLAGS.find((f) => values[f] !== undefined);
  if (given)
    throw new UsageError(
      `--remove takes out what buildproxy wrote; --${given} has no meaning with it`,
      'fix: buildproxy plan --remove [--target T] [-o plan.json]',
    );
  let evidence = await getEvidence(values);
  if (values.from === undefined) evidence = await withRemovalFiles(evidence, rootFrom(values));
  const { plan, notes } = makeRemovalPlan(evidence, targets ? { targets } : {});
  const nothing = plan.changes.length === 0 && plan.commands.length === 0;
  if (typeof values.output === 'string' && !nothing) {
    const w = writePrivateFile(values.output, `${JSON.stringify(plan, null, 2)}\n`);
    if (!w.ok) throw new UsageError(`cannot write ${values.output}: ${w.message}`);
    for (const n of w.notes) io.err(`${values.output}: ${n}\n`);
    io.err(
      `Removal plan written to ${values.output} (mode 0600). Apply with: buildproxy apply ${values.output}\n`,
    );
  }
  if (values.json) io.out(`${redactedPlanJson(plan)}\n`);
  else if (nothing) io.out('Nothing to take out: buildproxy has written nothing here.\n');
  else if (typeof values.output !== 'string' || io.stdoutIsTTY)
    io.out(renderPlan(plan, io.style(values['no-color'] === true)));
  for (const n of notes) io.err(`buildproxy: ${redactAll(n)}\n`);
  for (const r of plan.refused ?? []) io.err(`buildproxy: ${r.target} refused: ${redactAll(r.reason)}\n`);
  return plan.refused?.length ? 1 : 0;
}
