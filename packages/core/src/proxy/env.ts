// The proxy variables and the rules each consumer uses to read them.

export const PROXY_VARS = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'FTP_PROXY'] as const;
export type ProxyVar = (typeof PROXY_VARS)[number];

export function isProxyVar(name: string): boolean {
  return (PROXY_VARS as readonly string[]).includes(name.toUpperCase());
}

/**
 * The Docker, buildx and BuildKit variables the analysis reads: an allow-list, not a prefix, since DOCKER_PASSWORD,
 * DOCKER_AUTH_CONFIG or BUILDKIT_* tokens share the prefixes and a capture is made to be attached to bug reports.
 */
export const TOOL_VARS = [
  'DOCKER_HOST',
  'DOCKER_CONTEXT',
  'DOCKER_CONFIG',
  'DOCKER_BUILDKIT',
  'DOCKER_TLS_VERIFY',
  'DOCKER_CERT_PATH',
  'BUILDX_BUILDER',
  'BUILDX_CONFIG',
  'BUILDKIT_HOST',
  'BUILDKIT_NO_CLIENT_TOKEN',
  'XDG_RUNTIME_DIR',
  // with REQUEST_METHOD set, Go refuses HTTP_PROXY (its CGI rule): a request that would use it fails
  'REQUEST_METHOD',
  // the login shell: which start-up file the client-shell target edits (a program path, no secret)
  'SHELL',
  // the platforms contract (ARCHITECTURE.md): WSL, Podman/Buildah, Colima/Lima, and where Windows keeps settings
  'WSL_DISTRO_NAME',
  'WSL_INTEROP',
  'WSL_PAC_URL',
  'CONTAINER_HOST',
  'CONTAINER_CONNECTION',
  'CONTAINERS_CONF',
  'CONTAINERS_CONF_OVERRIDE',
  'XDG_CONFIG_HOME',
  // Rancher Desktop's Lima folder on Linux ($XDG_DATA_HOME/rancher-desktop/lima)
  'XDG_DATA_HOME',
  'COLIMA_HOME',
  'COLIMA_PROFILE',
  'LIMA_HOME',
  'LIMA_INSTANCE',
  'APPDATA',
  'LOCALAPPDATA',
  'ProgramData',
] as const;

/** Variables worth keeping from a client shell, a daemon's environ or an environment file; nothing else is. */
export function isRelevantVar(name: string): boolean {
  return (
    isProxyVar(name) ||
    (TOOL_VARS as readonly string[]).includes(name) ||
    // rootless dockerd's RootlessKit settings (network driver, port driver, host loopback): switches, no secrets
    name.startsWith('DOCKERD_ROOTLESS_ROOTLESSKIT_') ||
    // Buildah's settings (isolation, layers, format, registries.conf path): switches and paths, no secrets
    name.startsWith('BUILDAH_')
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
