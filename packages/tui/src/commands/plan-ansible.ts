// `buildproxy plan --format ansible -o DIR`: the plan as an Ansible playbook folder (core's ansibleFromPlan).
// DIR must be new: an existing folder (someone's playbooks, or a link planted to redirect the write) is never
// written into. The folder is 0700 and each file 0600: the playbook carries the proxy credentials.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ansibleFromPlan, type Plan, redactAll, safeForTerminal } from '@buildproxy/core';
import { writePrivateFile } from '@buildproxy/core/node';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';

/** The folder to write the playbook to, or null when --format is not given; bad combinations are usage errors. */
export function checkFormat(values: Record<string, unknown>): string | null {
  const format = values.format;
  if (format === undefined) return null;
  if (format !== 'ansible')
    throw new UsageError(
      `unknown --format "${String(format)}"`,
      'formats: ansible (the plan itself: --json or -o FILE)',
    );
  if (values.remove)
    throw new UsageError(
      '--format ansible does not carry plan --remove',
      'fix: run buildproxy plan --remove and buildproxy apply on each host',
    );
  if (values.json) throw new UsageError('--format ansible and --json cannot be combined', 'fix: drop --json');
  if (typeof values.output !== 'string')
    throw new UsageError(
      '--format ansible writes a folder (a playbook and its module)',
      'fix: buildproxy plan --format ansible -o DIR (a folder that does not exist yet)',
    );
  return values.output;
}

export function writeAnsible(dir: string, plan: Plan, namedTargets: boolean, io: Io): number {
  const bundle = ansibleFromPlan(plan);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot create ${dir}: ${code === 'EEXIST' ? 'it exists' : (code ?? String(e))}`,
      'fix: -o names a new folder; buildproxy never writes into an existing one',
    );
  }
  for (const sub of new Set(
    bundle.files.map((f) => f.path.split('/').slice(0, -1).join('/')).filter(Boolean),
  ))
    mkdirSync(join(dir, sub), { mode: 0o700 });
  for (const f of bundle.files) {
    const w = writePrivateFile(join(dir, f.path), f.text);
    if (!w.ok) throw new UsageError(`cannot write ${join(dir, f.path)}: ${w.message}`);
  }
  const shown = (s: string) => safeForTerminal(redactAll(s));
  for (const r of plan.refused ?? []) io.err(`buildproxy: ${r.target} refused: ${shown(r.reason)}\n`);
  for (const l of bundle.leftOut)
    io.err(`buildproxy: not in the playbook: ${shown(l.what)} (${l.target}): ${shown(l.reason)}\n`);
  const copied = bundle.files.filter((f) => f.path.startsWith('files/')).length;
  const merged = plan.changes.length - copied - bundle.leftOut.filter((l) => l.what.startsWith('/')).length;
  io.err(
    `Ansible playbook written to ${shown(dir)} (mode 0700: it holds the proxy credentials): ${copied} file(s) copied, ${merged} JSON file(s) merged on each host.\n` +
      `First: ansible-playbook -i INVENTORY ${shown(join(dir, 'playbook.yml'))} --check --diff\n`,
  );
  // A playbook that does less than the plan, or a target asked for by name that was refused, is not a success.
  return bundle.leftOut.length > 0 || (namedTargets && (plan.refused?.length ?? 0) > 0) ? 1 : 0;
}
