// Docker Desktop's proxy settings: settings-store.json (4.35+), settings.json (≤ 4.34, camelCase keys) and the
// admin's admin-settings.json, whose `proxy` wins when `locked`. Keys: docs.docker.com settings reference.
import type { DesktopFiles } from '../evidence/platforms.js';
import { parseStrictJson } from '../formats/json-file.js';
import { noProxyEntry } from '../formats/system-proxy.js';

export type DesktopProxyMode = 'system' | 'manual' | 'none';

export interface DesktopProxy {
  mode: DesktopProxyMode | null;
  http: string | null;
  https: string | null;
  exclude: string[];
  pac: string | null;
  /** which file said so */
  from: string;
}

export interface DesktopSettings {
  path: string;
  /** the user's proxy (Settings > Resources > Proxies) */
  user: DesktopProxy;
  /** the separate containers proxy; mode null = same as the host proxy */
  containers: DesktopProxy;
  kerberosNtlm: boolean;
  admin: (DesktopProxy & { locked: boolean }) | null;
  /** what Desktop uses: the admin's when locked, else the user's */
  effective: DesktopProxy;
}

type Json = Record<string, unknown>;

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function excludeList(v: unknown): string[] {
  const items = Array.isArray(v)
    ? v.filter((x) => typeof x === 'string')
    : typeof v === 'string'
      ? v.split(/[,;]/)
      : [];
  return items.map((e) => noProxyEntry(String(e))).filter((e): e is string => e !== null);
}

function modeOf(v: unknown, hasValues: boolean): DesktopProxyMode | null {
  const m = str(v)?.toLowerCase();
  if (m === 'system') return 'system';
  // "Manual" with every field blank is how Docker's staff tell users to turn the proxy off (docker/for-win#14818)
  if (m === 'manual') return hasValues ? 'manual' : 'none';
  if (m === 'none' || m === 'off' || m === 'direct') return 'none';
  return null;
}

function proxyFrom(
  j: Json,
  keys: { mode: string; http: string; https: string; exclude: string; pac?: string },
  from: string,
): DesktopProxy {
  const http = str(j[keys.http]);
  const https = str(j[keys.https]);
  const pac = keys.pac ? str(j[keys.pac]) : null;
  return {
    mode: modeOf(j[keys.mode], Boolean(http || https || pac)),
    http,
    https,
    exclude: excludeList(j[keys.exclude]),
    pac,
    from,
  };
}

function parse(text: string | null | undefined, path: string): Json | null {
  if (!text) return null;
  const r = parseStrictJson(path, text);
  return r.ok && r.value && typeof r.value === 'object' && !Array.isArray(r.value) ? (r.value as Json) : null;
}

function adminProxy(j: Json | null, path: string): (DesktopProxy & { locked: boolean }) | null {
  const p = j?.proxy;
  if (!p || typeof p !== 'object') return null;
  const o = p as Json;
  return {
    ...proxyFrom(o, { mode: 'mode', http: 'http', https: 'https', exclude: 'exclude', pac: 'pac' }, path),
    locked: o.locked === true,
  };
}

/** The first Desktop settings file found (settings-store.json before settings.json), with the admin's. */
export function readDesktopSettings(
  files: Record<string, string | null>,
  candidates: DesktopFiles[],
): DesktopSettings | null {
  for (const c of candidates) {
    const store = parse(files[c.store], c.store);
    const legacy = store ? null : parse(files[c.legacy], c.legacy);
    const admin = adminProxy(parse(files[c.admin], c.admin), c.admin);
    if (!store && !legacy && !admin) continue;
    const path = store ? c.store : legacy ? c.legacy : c.admin;
    const j = store ?? legacy ?? {};
    const user = store
      ? proxyFrom(
          j,
          {
            mode: 'ProxyHTTPMode',
            http: 'OverrideProxyHTTP',
            https: 'OverrideProxyHTTPS',
            exclude: 'OverrideProxyExclude',
            pac: 'OverrideProxyPAC',
          },
          path,
        )
      : proxyFrom(
          j,
          {
            mode: 'proxyHttpMode',
            http: 'overrideProxyHttp',
            https: 'overrideProxyHttps',
            exclude: 'overrideProxyExclude',
          },
          path,
        );
    const containers = proxyFrom(
      j,
      {
        mode: 'ContainersProxyHTTPMode',
        http: 'ContainersOverrideProxyHTTP',
        https: 'ContainersOverrideProxyHTTPS',
        exclude: 'ContainersOverrideProxyExclude',
        pac: 'ContainersOverrideProxyPAC',
      },
      path,
    );
    return {
      path,
      user,
      containers,
      kerberosNtlm: j.ProxyEnableKerberosNTLM === true,
      admin,
      effective: admin?.locked ? admin : user,
    };
  }
  return null;
}
