// Which targets fit this machine, each with a label and the reason it applies: the wizard's choices, and the
// target a pasted build error points to. The faces ask here; none of them decides on its own.
import type { State } from '../analyze/types.js';
import { findRule } from '../rules/index.js';
import type { Finding } from '../rules/types.js';
import type { Target } from '../targets.js';
import type { ErrorReading } from '../why/index.js';
import { daemonTarget, defaultTargets } from './select.js';

export interface TargetChoice {
  value: Target;
  /** what it configures, as the user knows it */
  label: string;
  /** why it applies to this machine */
  reason: string;
}

const DAEMON_REASON: Partial<Record<Target, string>> = {
  'docker-systemd': 'dockerd runs as the systemd unit docker.service',
  'docker-systemd-rootless': 'rootless dockerd runs as the user unit docker.service',
  'docker-daemon-json': 'dockerd reads its proxy from daemon.json (Engine 23 and later)',
};

export function availableTargets(state: State): TargetChoice[] {
  const out: TargetChoice[] = [];
  const has = (t: Target) => out.some((o) => o.value === t);
  const daemon = daemonTarget(state);
  const build = state.buildBuilder;
  const buildx = state.buildxBuilder;
  if (daemon)
    out.push({
      value: daemon,
      label: `dockerd and its BuildKit${build?.driver === 'docker' ? ` (docker build → "${build.name}")` : ''}`,
      reason: `${DAEMON_REASON[daemon] ?? 'dockerd'}; it pulls images, and its BuildKit builds with the docker driver`,
    });
  for (const b of [buildx, build]) {
    if (b?.driver === 'docker-container' && !has('buildx-docker-container'))
      out.push({
        value: 'buildx-docker-container',
        label: `builder "${b.name}" (docker-container, ${b === buildx ? 'docker buildx build' : 'docker build'})`,
        reason: "the builder runs BuildKit in its own container, which does not inherit dockerd's proxy",
      });
    if (b?.driver === 'kubernetes' && !has('kubernetes'))
      out.push({
        value: 'kubernetes',
        label: `builder "${b.name}" (kubernetes)`,
        reason: 'the builder runs BuildKit in a pod, configured by its Deployment',
      });
  }
  if (state.buildkitd.service?.loaded || state.buildkitd.processEnv || state.buildctl?.systemd)
    out.push({
      value: 'buildkitd-systemd',
      label: 'standalone buildkitd (systemd)',
      reason: 'a standalone buildkitd runs here, with an environment of its own',
    });
  if (state.buildctl)
    out.push({
      value: 'build-command',
      label: 'your build command (buildctl form; buildkitd restarted with the proxy)',
      reason: 'buildctl passes the proxy to RUN steps only as --opt build-arg: on its command line',
    });
  out.push({
    value: 'docker-cli-config',
    label: 'RUN steps (~/.docker/config.json proxies)',
    reason: 'the docker CLI passes config.json proxies to RUN steps as build args',
  });
  out.push({
    value: 'client-shell',
    label: 'your shell (registry tokens)',
    reason: "docker and buildx fetch registry tokens with the shell's proxy variables",
  });
  return out;
}

/**
 * The target that fixes the requester a pasted error points to: unless a chosen target already fixes one of its
 * rules, the first available one that does. A reading that is no proxy problem adds nothing.
 */
export function targetForError(reading: ErrorReading, available: Target[], chosen: Target[]): Target[] {
  if (!reading.recognised || !reading.proxyProblem) return [];
  const fixes = reading.rules.flatMap((id) => findRule(id)?.targets ?? []);
  if (fixes.some((t) => chosen.includes(t))) return [];
  const pick = available.find((c) => fixes.includes(c));
  return pick ? [pick] : [];
}

/** A preselected target and why: the findings it fixes, or the part it plays. */
export interface Preselection {
  target: Target;
  /** e.g. "fixes builder-proxy-missing, run-proxy-missing" */
  why: string;
}

/**
 * The targets to preselect, each with its reason: every available target that the doctor would choose for a
 * finding (one finding at a time, so each target knows the rules it fixes), the daemon first since it pulls the
 * images, and the targets a pasted error points to. Issue 18: the defaults must fix what was found or pasted.
 */
export function preselectTargets(
  state: State,
  findings: Finding[],
  available: Target[],
  reading: ErrorReading | null = null,
): Preselection[] {
  const rules = new Map<Target, string[]>();
  const add = (t: Target, rule: string) => {
    if (!available.includes(t)) return;
    const list = rules.get(t) ?? [];
    if (!list.includes(rule)) list.push(rule);
    rules.set(t, list);
  };
  for (const f of findings) for (const t of defaultTargets(state, [f])) add(t, f.rule);
  const out: Preselection[] = [];
  // A buildctl build never touches dockerd: the daemon only when the build goes through it.
  const daemon = daemonTarget(state);
  if (daemon && available.includes(daemon) && state.buildCommand?.tool !== 'buildctl' && !rules.has(daemon))
    out.push({ target: daemon, why: 'dockerd pulls the images your build starts from' });
  for (const t of available) {
    const r = rules.get(t);
    if (r) out.push({ target: t, why: `fixes ${r.join(', ')}` });
  }
  if (reading) {
    for (const t of targetForError(
      reading,
      available,
      out.map((p) => p.target),
    ))
      out.push({ target: t, why: `fixes the error you pasted (${reading.rules.join(', ')})` });
  }
  return out.sort((a, b) => available.indexOf(a.target) - available.indexOf(b.target));
}
