// Small shared questions the rules ask of the state.
import type { BuilderState, Origin, Profile, State, VarValue } from '../analyze/types.js';
import { type MsgRef, msg } from '../messages/ref.js';
import { goEffective } from '../proxy/env.js';
import { redactValue } from '../proxy/redact.js';
import type { Target } from '../targets.js';

export function intendedProxy(profile: Profile): string | null {
  return profile.httpsProxy ?? profile.httpProxy;
}

export function originText(o: Origin | null | undefined): string {
  return o ? o.ref : 'unknown';
}

export function shown(v: string): string {
  return redactValue(v);
}

export function varAt(v: VarValue): string {
  return `${v.name}=${shown(v.value)} (${v.origin.ref})`;
}

/** The builders the two build commands use, each once, with the commands that use it. */
export function usedBuilders(state: State): { builder: BuilderState; commands: string[] }[] {
  const out: { builder: BuilderState; commands: string[] }[] = [];
  const add = (b: BuilderState | null, cmd: string) => {
    if (!b) return;
    const e = out.find((x) => x.builder === b);
    if (e) e.commands.push(cmd);
    else out.push({ builder: b, commands: [cmd] });
  };
  // With --command, only the builder that command reaches; without, every builder a build command here reaches.
  const tool = state.buildCommand?.tool ?? null;
  if (!tool || tool === 'docker-build') add(state.buildBuilder, 'docker build');
  if (!tool || tool === 'buildx-build' || tool === 'compose-build')
    add(state.buildxBuilder, tool === 'compose-build' ? 'docker compose build' : 'docker buildx build');
  if (tool === 'buildctl' || (!tool && state.builderKind === 'buildkitd') || (!tool && state.buildctl?.tie))
    add(state.buildctlBuilder, 'buildctl build');
  return out;
}

export function builderHttps(b: BuilderState): string | null {
  return b.env ? (goEffective(b.env, 'HTTPS_PROXY')?.value ?? null) : null;
}

export function builderLabel(b: BuilderState): string {
  if (b.driver === 'buildkitd') return b.name;
  return `builder "${b.name}" (${b.driver} driver)`;
}

/** builderLabel as a typed phrase. */
export function builderLabelMsg(b: BuilderState): MsgRef {
  return b.driver === 'buildkitd'
    ? msg('builder.buildkitd', { name: b.name })
    : msg('builder.named', { name: b.name, driver: b.driver });
}

export function builderEvidence(b: BuilderState): string[] {
  return [originText(b.envOrigin)];
}

/** The builder lacks HTTPS_PROXY, and we could see its environment. */
export function builderMissingProxy(b: BuilderState): boolean {
  return b.env !== null && !builderHttps(b);
}

/** buildkitdFix as a typed phrase (null where buildkitdFix is empty). */
export function buildkitdFixMsg(state: State): MsgRef | null {
  const b = state.buildctl;
  if (!b) return null;
  const pid = b.tie?.process.pid;
  return msg('buildkitd.fix', {
    pid: pid ? String(pid) : null,
    user: b.unitScope === 'user',
    how: b.address.kind === 'kube-pod' ? 'kube' : b.systemd ? 'systemd' : 'plain',
  });
}

/** The exact fix for the standalone buildkitd buildctl reaches, and how to verify it truly. */
export function buildkitdFix(state: State): string {
  const b = state.buildctl;
  if (!b) return '';
  const pid = b.tie?.process.pid;
  const verify = pid
    ? `verify with \`tr '\\0' '\\n' < /proc/${pid}/environ | grep -i proxy\` (after the restart: the new pid)`
    : 'verify with /proc/PID/environ of buildkitd';
  const user = b.unitScope === 'user' ? ' --user' : '';
  const how =
    b.address.kind === 'kube-pod'
      ? 'set HTTPS_PROXY/HTTP_PROXY/NO_PROXY in the env of the buildkitd Deployment (target kubernetes)'
      : b.systemd
        ? `a drop-in for buildkit.service (target buildkitd-systemd), then \`systemctl${user} daemon-reload && systemctl${user} restart buildkit\`; ${verify} or \`systemctl${user} show buildkit -p Environment\``
        : `restart it with the proxy in its environment: \`HTTPS_PROXY=… HTTP_PROXY=… NO_PROXY=… buildkitd …\` or an environment file (target build-command); ${verify}`;
  return `give buildkitd the proxy: ${how}. \`buildctl debug workers --verbose\` prints no environment and proves nothing`;
}

export function runtimeHasProxy(state: State): boolean {
  return Boolean(state.actors.runtime.proxy.https);
}

export function runConfigured(state: State): boolean {
  return Boolean(state.actors.run.proxy.https || state.actors.run.proxy.http);
}

export function joinCommands(cmds: string[]): string {
  return cmds.map((c) => `\`${c}\``).join(' and ');
}

/** Rules about a value that can be wrong in any layer are fixed by every target that writes one. */
export const EVERY_LAYER: Target[] = [
  'docker-systemd',
  'docker-daemon-json',
  'docker-cli-config',
  'client-shell',
  'buildx-docker-container',
];

/**
 * Rancher Desktop's transparent proxy (Windows) carries dockerd's and the containers' TCP 80/443 to the chosen proxy
 * without any proxy variable (analyze/vm-engines.ts rancherTransparentLayer): a builder or RUN step without
 * HTTPS_PROXY still goes through it.
 */
export function rancherTransparent(state: State): boolean {
  return state.layers.some((l) => l.id === 'rancher-transparent');
}

/** How many names a finding lists before it counts the rest: a capture may hold any number of them. */
export const LIST_MAX = 40;

/** Every item, joined; past `max` (a hostile or huge capture) the first `max`, how many more, and how many in all. */
export function listBounded(items: readonly string[], sep = ', ', max = LIST_MAX): string {
  if (items.length <= max) return items.join(sep);
  return `${items.slice(0, max).join(sep)}${sep}and ${items.length - max} more (${items.length} in all)`;
}
