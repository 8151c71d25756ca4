// The proxy variables and the rules each consumer uses to read them.

export const PROXY_VARS = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'FTP_PROXY'] as const;
export type ProxyVar = (typeof PROXY_VARS)[number];

export function isProxyVar(name: string): boolean {
  return (PROXY_VARS as readonly string[]).includes(name.toUpperCase());
}

/** Variables worth keeping from a client shell or a daemon's environ. */
export function isRelevantVar(name: string): boolean {
  return (
    isProxyVar(name) ||
    /^(DOCKER|BUILDX|BUILDKIT|DOCKERD_ROOTLESS)_/.test(name) ||
    name === 'XDG_RUNTIME_DIR' ||
    // with REQUEST_METHOD set, Go refuses HTTP_PROXY (its CGI rule): a request that would use it fails
    name === 'REQUEST_METHOD'
  );
}

export function pickRelevant(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && isRelevantVar(k)) out[k] = v;
  return out;
}

export interface EffectiveVar {
  value: string;
  /** the variable name that supplied it (HTTP_PROXY or http_proxy) */
  name: string;
  /** the other case was set too, to a different value */
  conflict?: { name: string; value: string };
}

/** Go's getEnvAny: uppercase first, empty counts as unset. */
export function goEffective(env: Record<string, string>, upper: ProxyVar): EffectiveVar | undefined {
  const lower = upper.toLowerCase();
  const u = env[upper];
  const l = env[lower];
  const pick = u ? { value: u, name: upper } : l ? { value: l, name: lower } : undefined;
  if (pick && u && l && u !== l) {
    return { ...pick, conflict: { name: lower, value: l } };
  }
  return pick;
}
