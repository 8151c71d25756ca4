import {
  isTarget,
  makePlan,
  notCapturedLines,
  PlanError,
  redactAll,
  TARGETS,
  type Target,
} from '@buildproxy/core';
import { writePrivateFile } from '@buildproxy/core/node';
import { EVIDENCE, PROFILE, parse } from '../args.js';
import { readErrorInput } from '../error-input.js';
import { UsageError } from '../errors.js';
import { getEvidence } from '../evidence-source.js';
import type { Io } from '../io.js';
import { profileFromFlags } from '../profile-flags.js';
import { redactedPlanJson, renderPlan } from '../render/plan.js';
import { checkFormat, writeAnsible } from './plan-ansible.js';
import { planRemove } from './plan-remove.js';

export const PLAN_HELP = `Usage: buildproxy plan [options]

Plan the configuration changes that fix the current findings, and show them as diffs.

  --remove             plan to take out everything buildproxy wrote (a laptop leaving the VPN): its files,
                       its block in the shell rc, its proxy keys in daemon.json/config.json (other keys kept);
                       apply it like any plan, with the same checks; restores nothing else (see undo)
  --target T           plan for this target (repeatable); default: the targets that fix the findings
                       targets: ${TARGETS.join(', ')}
  -o, --output FILE    write the plan (with secrets, mode 0600) for: buildproxy apply FILE
  --format ansible     with -o DIR: write an Ansible playbook to the new folder DIR instead, for many hosts:
                       whole files copied, daemon.json/config.json merged on each host, restarts where systemd
                       runs (see the docs' Ansible page)
  --json               print the plan as JSON, passwords redacted
  --error FILE|-       the failing build's output (FILE, or stdin with -): also plan for the requester it
                       points to (when no --target is given)
  --from FILE | --root DIR | --file DOCKERFILE | --timeout MS | --probes MODE | --command STR   as for doctor
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
    error: { type: 'string' },
    remove: { type: 'boolean' },
    format: { type: 'string' },
  });
  if (values.help) {
    io.out(PLAN_HELP);
    return 0;
  }
  const targets = values.target as string[] | undefined;
  for (const t of targets ?? []) {
    if (!isTarget(t)) throw new UsageError(`unknown target "${t}"`, `targets: ${TARGETS.join(', ')}`);
  }
  const ansible = checkFormat(values);
  if (values.remove) return planRemove(values, targets as Target[] | undefined, io);
  const input = await profileFromFlags(values);
  const errorText =
    typeof values.error === 'string'
      ? await readErrorInput(values.error, process.stdin, io.stdinIsTTY)
      : undefined;
  const evidence = await getEvidence(values);
  let result: ReturnType<typeof makePlan>;
  try {
    result = makePlan(evidence, input, {
      ...(targets ? { targets: targets as Target[] } : {}),
      ...(errorText !== undefined ? { errorText } : {}),
    });
  } catch (e) {
    if (e instanceof PlanError) throw new UsageError(e.message, e.hint);
    throw e;
  }
  // The plan rests on what was captured: under --root without DIR/proc, no daemon's live environment.
  if (!values.json)
    for (const line of notCapturedLines(evidence.notCaptured ?? [])) io.err(`Not captured: ${line}\n`);
  const r = result.errorReading;
  if (r && !values.json)
    io.err(
      r.recognised
        ? `The build error: ${r.requester ?? 'unknown requester'}: ${r.title}${r.proxyProblem ? '' : ' (not a proxy problem: no change planned for it)'}\n`
        : 'The build error: no known build-network failure in it.\n',
    );
  if (ansible) return writeAnsible(ansible, result.plan, targets !== undefined, io);
  if (typeof values.output === 'string') {
    const w = writePrivateFile(values.output, `${JSON.stringify(result.plan, null, 2)}\n`);
    if (!w.ok) throw new UsageError(`cannot write ${values.output}: ${w.message}`);
    for (const n of w.notes) io.err(`${values.output}: ${n}\n`);
    io.err(
      `Plan written to ${values.output} (mode 0600: it holds the proxy credentials). Apply with: buildproxy apply ${values.output}\n`,
    );
  }
  const shown = !values.json && (typeof values.output !== 'string' || io.stdoutIsTTY);
  if (values.json) io.out(`${redactedPlanJson(result.plan)}\n`);
  else if (shown) io.out(renderPlan(result.plan, io.style(values['no-color'] === true)));
  // Whatever is printed, a refusal (a file it will not edit, and why, with line:column) is said.
  if (!shown)
    for (const r of result.plan.refused ?? [])
      io.err(`buildproxy: ${r.target} refused: ${redactAll(r.reason)}\n`);
  // A target asked for by name that had to be refused (a file it cannot edit safely) is not a success.
  return targets && result.plan.refused?.length ? 1 : 0;
}
