// Layers: every place proxy variables are set, normalised so generic rules can check them all the same way.
import type { EffectiveProxy, Layer, Origin, VarValue } from './types.js';

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

export function makeLayer(
  init: Omit<Layer, 'vars'>,
  entries: { name: string; value: string; origin: Origin }[],
): Layer {
  const vars: Layer['vars'] = {};
  for (const e of entries) {
    const c = canonicalName(e.name);
    if (!c) continue;
    const list = vars[c] ?? [];
    list.push({ name: e.name, value: e.value, origin: e.origin });
    vars[c] = list;
  }
  return { ...init, vars };
}

export function envEntries(env: Record<string, string> | null | undefined, origin: Origin) {
  return Object.entries(env ?? {}).map(([name, value]) => ({ name, value, origin }));
}

/** Go's precedence inside one layer: uppercase (or the config key) first, empty means unset. */
export function layerValue(layer: Layer | undefined, c: Canon): VarValue | null {
  const vals = (layer?.vars[c] ?? []).filter((v) => v.value !== '');
  return vals.find((v) => v.name === c) ?? vals.find((v) => v.name !== c.toLowerCase()) ?? vals[0] ?? null;
}

export function effectiveOf(layer: Layer | undefined): EffectiveProxy {
  return {
    http: layerValue(layer, 'HTTP_PROXY'),
    https: layerValue(layer, 'HTTPS_PROXY'),
    noProxy: layerValue(layer, 'NO_PROXY'),
    all: layerValue(layer, 'ALL_PROXY'),
  };
}

export const NO_PROXY_SET: EffectiveProxy = { http: null, https: null, noProxy: null, all: null };

export function hasAnyProxy(p: EffectiveProxy): boolean {
  return Boolean(p.http || p.https || p.all);
}
