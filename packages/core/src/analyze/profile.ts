// What the user wants: from flags, or inferred from the machine (the client shell first, then any layer).
import { goEffective } from '../proxy/env.js';
import type { Layer, Profile, ProfileInput } from './types.js';

export function splitNoProxy(v: string | undefined | null): string[] {
  return (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function firstValue(layer: Layer, name: 'HTTP_PROXY' | 'HTTPS_PROXY' | 'NO_PROXY'): string | null {
  const vals = layer.vars[name] ?? [];
  const upper = vals.find((v) => v.name === name || v.name === name.replace(/_/g, '-').toLowerCase());
  return (upper ?? vals[0])?.value || null;
}

export function resolveProfile(
  input: ProfileInput,
  layers: Layer[],
  clientEnv: Record<string, string>,
): Profile {
  const base = {
    registries: input.registries ?? [],
    mirrors: input.mirrors ?? [],
    caCert: input.caCert ?? null,
    proxyOnHost: input.proxyOnHost ?? false,
  };
  const flagHttp = input.httpProxy ?? input.proxy ?? null;
  const flagHttps = input.httpsProxy ?? input.proxy ?? null;
  if (flagHttp || flagHttps) {
    // Without --no-proxy, keep the bypass list the machine already uses.
    const machineNoProxy =
      goEffective(clientEnv, 'NO_PROXY')?.value ??
      layers.map((l) => firstValue(l, 'NO_PROXY')).find((v) => v) ??
      null;
    return {
      ...base,
      httpProxy: flagHttp ?? flagHttps,
      httpsProxy: flagHttps ?? flagHttp,
      noProxy: splitNoProxy(input.noProxy ?? machineNoProxy),
      source: 'flags',
      sourceLabel: 'command-line flags',
    };
  }
  const client = {
    http: goEffective(clientEnv, 'HTTP_PROXY')?.value ?? null,
    https: goEffective(clientEnv, 'HTTPS_PROXY')?.value ?? null,
    no: goEffective(clientEnv, 'NO_PROXY')?.value ?? null,
  };
  if (client.http || client.https) {
    return {
      ...base,
      httpProxy: client.http ?? client.https,
      httpsProxy: client.https ?? client.http,
      noProxy: splitNoProxy(input.noProxy ?? client.no),
      source: 'inferred',
      sourceLabel: 'your shell environment',
    };
  }
  for (const layer of layers) {
    if (layer.actor === 'client') continue;
    const http = firstValue(layer, 'HTTP_PROXY');
    const https = firstValue(layer, 'HTTPS_PROXY');
    if (http || https) {
      return {
        ...base,
        httpProxy: http ?? https,
        httpsProxy: https ?? http,
        noProxy: splitNoProxy(input.noProxy ?? firstValue(layer, 'NO_PROXY')),
        source: 'inferred',
        sourceLabel: layer.label,
      };
    }
  }
  return {
    ...base,
    httpProxy: null,
    httpsProxy: null,
    noProxy: splitNoProxy(input.noProxy),
    source: 'none',
    sourceLabel: null,
  };
}
