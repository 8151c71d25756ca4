// Layers: every place proxy variables are set, normalised so generic rules can check them all the same way.
import type { EnvVarAssignment } from '../formats/systemd.js';
import type { Actor, EffectiveProxy, Layer, Origin, VarValue } from './types.js';

type Canon = 'HTTP_PROXY' | 'HTTPS_PROXY' | 'NO_PROXY' | 'ALL_PROXY' | 'FTP_PROXY';

/** HTTP_PROXY, http_proxy, http-proxy, httpProxy → HTTP_PROXY */
export function canonicalName(name: string): Canon | null {
  const n = name.replace(/[-_]/g, '').toUpperCase();
  const map: Record<string, Canon> = {
    HTTPPROXY: 'HTTP_PROXY',
    HTTPSPROXY: 'HTTPS_PROXY',
    NOPROXY: 'NO_PROXY',
    ALLPROXY: 'ALL_PROXY',
    FTPPROXY: 'FTP_PROXY',
  };
  return map[n] ?? null;
}

/** One variable as found: its name as written, its value and where it was read. */
export interface LayerEntry {
  name: string;
  value: string;
  origin: Origin;
}

/** The proxy variables among entries, grouped by canonical name (both cases kept, in order). */
function proxyVarsOf(entries: LayerEntry[]): Layer['vars'] {
  const vars: Layer['vars'] = {};
  for (const e of entries) {
    const c = canonicalName(e.name);
    if (!c) continue;
    const list = vars[c] ?? [];
    list.push({ name: e.name, value: e.value, origin: e.origin });
    vars[c] = list;
  }
  return vars;
}

export function makeLayer(init: Omit<Layer, 'vars'>, entries: LayerEntry[]): Layer {
  return { ...init, vars: proxyVarsOf(entries) };
}

/** A layer read by a Go program that takes effect: what almost every layer is. */
export function layer(
  id: string,
  actor: Actor,
  label: string,
  entries: LayerEntry[],
  opts: { go?: boolean; effective?: boolean } = {},
): Layer {
  return makeLayer({ id, actor, label, go: opts.go ?? true, effective: opts.effective ?? true }, entries);
}

export function envEntries(env: Record<string, string> | null | undefined, origin: Origin): LayerEntry[] {
  return Object.entries(env ?? {}).map(([name, value]) => ({ name, value, origin }));
}

/** A unit's variables as layer entries, each traced to its file and line. */
export function unitEntries(vars: Map<string, EnvVarAssignment>): LayerEntry[] {
  return [...vars.values()].map((v) => ({
    name: v.name,
    value: v.value,
    origin: { kind: 'file' as const, ref: `${v.path}:${v.line}` },
  }));
}

/**
 * Go's precedence inside one layer: uppercase (or the config key) first, empty means unset. An environment
 * variable counts only spelt HTTPS_PROXY or https_proxy: Go's getEnvAny never reads Https_Proxy (measured in
 * test/proxy/go-oracle); config keys (http-proxy, httpProxy) have no underscore.
 */
function goValue(vars: Layer['vars'], c: Canon): VarValue | null {
  const vals = (vars[c] ?? []).filter(
    (v) => v.value !== '' && (!v.name.includes('_') || v.name === c || v.name === c.toLowerCase()),
  );
  return vals.find((v) => v.name === c) ?? vals.find((v) => v.name !== c.toLowerCase()) ?? vals[0] ?? null;
}

export function layerValue(layer: Layer | undefined, c: Canon): VarValue | null {
  return goValue(layer?.vars ?? {}, c);
}

function effectiveOfVars(vars: Layer['vars']): EffectiveProxy {
  return {
    http: goValue(vars, 'HTTP_PROXY'),
    https: goValue(vars, 'HTTPS_PROXY'),
    noProxy: goValue(vars, 'NO_PROXY'),
    all: goValue(vars, 'ALL_PROXY'),
  };
}

export function effectiveOf(layer: Layer | undefined): EffectiveProxy {
  return effectiveOfVars(layer?.vars ?? {});
}

/** The proxy a process environment gives a Go program, each value traced to origin. */
export function effectiveOfEnv(env: Record<string, string>, origin: Origin): EffectiveProxy {
  return effectiveOfVars(proxyVarsOf(envEntries(env, origin)));
}

export const NO_PROXY_SET: EffectiveProxy = { http: null, https: null, noProxy: null, all: null };

export function hasAnyProxy(p: EffectiveProxy): boolean {
  return Boolean(p.http || p.https || p.all);
}
