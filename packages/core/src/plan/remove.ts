// `plan --remove`: a plan that takes out what buildproxy wrote (a laptop leaving the VPN). It is an ordinary plan,
// applied by the same `apply` with the same checks (declared paths and modes, no link on the way, per-user work as
// the owner, backups never overwritten), so nothing here writes anything. What counts as buildproxy's:
//   - whole files it created, recognised by their first line (HEADER): drop-ins, http-proxy.env, proxy.sh, the
//     fish file, a buildkitd.toml it created: removed (a file without the header is someone else's: left alone);
//   - its managed block in the shell rc file: cut out, every other line kept;
//   - the proxy keys it sets in daemon.json and config.json: removed from the file as it is now (a surgical edit,
//     never a copy of an old snapshot), so keys the user added since stay; an object left empty by that goes too.
//     A file with duplicate keys, wrong types or that does not parse is refused with line:column, never rewritten;
//   - a docker-container builder created with proxy driver options: removed and recreated as it is, without them.
// Lines buildproxy commented out in other drop-ins stay commented out: re-enabling them would bring a proxy back.
import { analyze } from '../analyze/state.js';
import { dropInDirs, proxyShPath } from '../evidence/canonical.js';
import type { Evidence } from '../evidence/schema.js';
import { type Ctx, REMOVERS } from './remove-targets.js';
import { PLAN_FORMAT, type Plan, TARGETS, type Target } from './types.js';

export { withoutBlock } from './remove-targets.js';

/** Files a removal reads that a capture does not (the tool reads them, bounded, like the shell rc). */
export function removalReads(evidence: Evidence): string[] {
  const home = evidence.host.home;
  const paths = [
    proxyShPath(home),
    `${home}/.config/fish/conf.d/buildproxy.fish`,
    `${home}/.profile`,
    `${home}/.bashrc`,
    `${home}/.zshrc`,
    ...(['docker', 'buildkit'] as const).flatMap((u) => {
      const d = dropInDirs(u, { home, env: evidence.env });
      return [d.system[0]!, d.user[0]!].flatMap((dir) => [`${dir}/http-proxy.conf`, `${dir}/http-proxy.env`]);
    }),
  ];
  return paths.filter((p) => !(p in evidence.files));
}

export interface RemovalResult {
  plan: Plan;
  /** what stays as it is, and why */
  notes: string[];
}

/** The plan that takes out what buildproxy wrote, for `targets` (default: every target that wrote something). */
export function makeRemovalPlan(evidence: Evidence, opts: { targets?: Target[] } = {}): RemovalResult {
  const state = analyze(evidence);
  const ctx: Ctx = { state, evidence, home: state.host.home };
  const plan: Plan = {
    format: PLAN_FORMAT,
    changes: [],
    commands: [],
    snippets: [],
    targets: [],
    refused: [],
  };
  const notes: string[] = [];
  const wanted = opts.targets ? new Set(opts.targets) : null;
  for (const t of TARGETS) {
    const remover = REMOVERS[t];
    if (!remover || (wanted && !wanted.has(t))) continue;
    const r = remover(ctx, t);
    for (const reason of r.refused) plan.refused!.push({ target: t, reason });
    notes.push(...r.notes);
    // Two targets over one file (docker-systemd and docker-daemon-json both clear daemon.json): the first wins.
    const changes = r.changes.filter((c) => !plan.changes.some((p) => p.path === c.path));
    if (changes.length === 0 && r.commands.length === 0) continue;
    plan.targets!.push(t);
    plan.changes.push(...changes);
    for (const cmd of r.commands)
      if (!plan.commands.some((x) => x.argv.join('\0') === cmd.argv.join('\0'))) plan.commands.push(cmd);
  }
  // Restarts last, after every daemon-reload.
  plan.commands.sort((a, b) => Number(a.argv.includes('restart')) - Number(b.argv.includes('restart')));
  return { plan, notes: [...new Set(notes)] };
}
