import { writeFile } from 'node:fs/promises';
import { isTarget, makePlan, PlanError, TARGETS, type Target } from '@buildproxy/core';
import { EVIDENCE, PROFILE, parse } from '../args.js';
import { UsageError } from '../errors.js';
import { getEvidence, readShellRc } from '../evidence-source.js';
import type { Io } from '../io.js';
import { profileFromFlags } from '../profile-flags.js';
import { redactedPlanJson, renderPlan } from '../render/plan.js';

export const PLAN_HELP = `Usage: buildproxy plan [options]

Plan the configuration changes that fix the current findings, and show them as diffs.

  --target T           plan for this target (repeatable); default: the targets that fix the findings
                       targets: ${TARGETS.join(', ')}
  -o, --output FILE    write the plan (with secrets, mode 0600) for: buildproxy apply FILE
  --json               print the plan as JSON, passwords redacted
  --from FILE | --root DIR | --file DOCKERFILE | --timeout MS | --probes MODE   evidence, as for doctor
  --proxy URL  --http-proxy URL  --https-proxy URL  --no-proxy LIST  --registry HOST[:PORT]  --ca-cert FILE
  --mirror HOST[:PORT]  --proxy-on-host
  --no-color
`;

export async function plan(argv: string[], io: Io): Promise<number> {
  const { values } = parse('plan', argv, {
    ...EVIDENCE,
    ...PROFILE,
    json: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    target: { type: 'string', multiple: true },
  });
  if (values.help) {
    io.out(PLAN_HELP);
    return 0;
  }
  const targets = values.target as string[] | undefined;
  for (const t of targets ?? []) {
    if (!isTarget(t)) throw new UsageError(`unknown target "${t}"`, `targets: ${TARGETS.join(', ')}`);
  }
  const input = await profileFromFlags(values);
  let evidence = await getEvidence(values);
  if (values.from === undefined) evidence = await readShellRc(evidence, values.root as string | undefined);
  let result: ReturnType<typeof makePlan>;
  try {
    result = makePlan(evidence, input, targets ? { targets: targets as Target[] } : {});
  } catch (e) {
    if (e instanceof PlanError) throw new UsageError(e.message, e.hint);
    throw e;
  }
  if (typeof values.output === 'string') {
    await writeFile(values.output, `${JSON.stringify(result.plan, null, 2)}\n`, { mode: 0o600 });
    io.err(
      `Plan written to ${values.output} (mode 0600: it holds the proxy credentials). Apply with: buildproxy apply ${values.output}\n`,
    );
  }
  if (values.json) io.out(`${redactedPlanJson(result.plan)}\n`);
  else if (typeof values.output !== 'string' || io.stdoutIsTTY)
    io.out(renderPlan(result.plan, io.style(values['no-color'] === true)));
  return 0;
}
