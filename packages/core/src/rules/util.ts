// Small shared questions the rules ask of the state.
import type { BuilderState, Origin, Profile, State, VarValue } from '../analyze/types.js';
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
  add(state.buildBuilder, 'docker build');
  add(state.buildxBuilder, 'docker buildx build');
  return out;
}

export function builderHttps(b: BuilderState): string | null {
  return b.env ? (goEffective(b.env, 'HTTPS_PROXY')?.value ?? null) : null;
}

export function builderLabel(b: BuilderState): string {
  return `builder "${b.name}" (${b.driver} driver)`;
}

export function builderEvidence(b: BuilderState): string[] {
  return [originText(b.envOrigin)];
}

/** The builder lacks HTTPS_PROXY, and we could see its environment. */
export function builderMissingProxy(b: BuilderState): boolean {
  return b.env !== null && !builderHttps(b);
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
