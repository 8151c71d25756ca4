// A plan file is untrusted input. Before anything is read or written, every file change must be a plain absolute
// path matching one of its target's declared templates (resolved here against the live machine: $HOME,
// SUDO_USER's home, $DOCKER_CONFIG) with the declared mode, and every command one of its target's shapes.
import { existsSync, readFileSync } from 'node:fs';
import type { PathTemplate } from '../../plan/declare.js';
import { TARGET_DEFINITIONS } from '../../plan/targets/index.js';
import { isTarget, type Plan, type PlanCommand } from '../../plan/types.js';

export interface LiveUser {
  /** homes whose files a plan may change: $HOME and SUDO_USER's */
  homes: string[];
  dockerConfigs: string[];
  /** who per-user commands run as (SUDO_USER under sudo), null: as this process */
  sudoUser: { name: string; uid: number; gid: number; home: string } | null;
}

export function passwdEntry(name: string): { uid: number; gid: number; home: string } | null {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const f = line.split(':');
      if (f[0] === name && f.length >= 6) return { uid: Number(f[2]), gid: Number(f[3]), home: f[5]! };
    }
  } catch {
    // no passwd
  }
  return null;
}

export function liveUser(env: NodeJS.ProcessEnv = process.env): LiveUser {
  const homes = new Set<string>();
  const configs = new Set<string>();
  if (env.HOME?.startsWith('/')) homes.add(env.HOME.replace(/\/+$/, '') || '/');
  if (env.DOCKER_CONFIG?.startsWith('/')) configs.add(env.DOCKER_CONFIG.replace(/\/+$/, ''));
  let sudoUser: LiveUser['sudoUser'] = null;
  const root = (process.geteuid?.() ?? -1) === 0;
  if (root && env.SUDO_USER && env.SUDO_USER !== 'root') {
    const e = passwdEntry(env.SUDO_USER);
    if (e?.home.startsWith('/')) {
      homes.add(e.home);
      sudoUser = { name: env.SUDO_USER, ...e };
    }
  }
  for (const h of homes) configs.add(`${h === '/' ? '' : h}/.docker`);
  return { homes: [...homes], dockerConfigs: [...configs], sudoUser };
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function templateRegex(t: PathTemplate, live: LiveUser): RegExp[] {
  const subs = (path: string, key: string, values: string[]) =>
    path.includes(`{${key}}`) ? values.map((v) => path.replace(`{${key}}`, v)) : [path];
  const paths = subs(t.path, 'home', live.homes).flatMap((p) => subs(p, 'dockerConfig', live.dockerConfigs));
  return paths
    .filter((p) => !p.includes('{'))
    .map((p) => new RegExp(`^${p.split('*').map(esc).join('[A-Za-z0-9_@-][A-Za-z0-9_.@-]*')}$`));
}

/** A path the way the plan must spell it: absolute, no . or .. or empty component, nothing unprintable. */
export function plainPath(p: string): boolean {
  return (
    p.startsWith('/') &&
    p.length < 4096 &&
    !/[\0-\x1f\x7f]/.test(p) &&
    p
      .split('/')
      .slice(1)
      .every((c) => c !== '' && c !== '.' && c !== '..')
  );
}

export interface Refusal {
  path: string;
  reason: string;
}

export function isUserCommand(argv: readonly string[]): boolean {
  return argv[0] === 'docker' || (argv[0] === 'systemctl' && argv[1] === '--user');
}

export function checkPlan(plan: Plan, live: LiveUser = liveUser()): Refusal[] {
  const out: Refusal[] = [];
  const declared = (t: string) => (isTarget(t) ? TARGET_DEFINITIONS[t].declares : undefined);
  for (const c of plan.changes) {
    const d = declared(c.target);
    if (!plainPath(c.path)) {
      out.push({ path: c.path, reason: 'not a plain absolute path (no relative path, . or ..)' });
      continue;
    }
    if (!d) {
      out.push({ path: c.path, reason: `unknown target "${c.target}"` });
      continue;
    }
    const match = d.files.find((t) => templateRegex(t, live).some((r) => r.test(c.path)));
    if (!match) {
      out.push({
        path: c.path,
        reason: `target ${c.target} never writes this path (its files: ${d.files.map((f) => f.path).join(', ')}; {home} is ${live.homes.join(' or ') || 'unknown'})`,
      });
    } else if (match.mode !== c.mode) {
      out.push({ path: c.path, reason: `mode ${c.mode} is not the ${match.mode} target ${c.target} writes` });
    }
  }
  for (const cmd of plan.commands) {
    const d = declared(cmd.target);
    const why = d ? d.commands.map((s) => s(cmd.argv)) : [`unknown target "${cmd.target}"`];
    if (!why.includes(null))
      out.push({
        path: `command: ${cmd.argv.join(' ').slice(0, 200)}`,
        reason: `not a command target ${cmd.target} runs (${why[why.length - 1] ?? 'it runs none'})`,
      });
  }
  return out;
}

/** How a command will really run: as whom, with which DOCKER_CONFIG (shown before it runs). */
export function commandRunner(
  cmd: PlanCommand,
  live: LiveUser,
): { argv: string[]; env: NodeJS.ProcessEnv; as: string | null } {
  const u = live.sudoUser;
  if (!isUserCommand(cmd.argv) || !u) return { argv: [...cmd.argv], env: process.env, as: null };
  return {
    argv: [
      existsSync('/usr/bin/setpriv') ? '/usr/bin/setpriv' : 'setpriv',
      `--reuid=${u.uid}`,
      `--regid=${u.gid}`,
      '--init-groups',
      '--',
      ...cmd.argv,
    ],
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: u.home,
      USER: u.name,
      DOCKER_CONFIG: `${u.home}/.docker`,
      XDG_RUNTIME_DIR: `/run/user/${u.uid}`,
      DBUS_SESSION_BUS_ADDRESS: `unix:path=/run/user/${u.uid}/bus`,
      ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
    },
    as: u.name,
  };
}
