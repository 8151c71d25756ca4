// Where buildctl connects: --addr, else BUILDKIT_HOST, else unix:///run/buildkit/buildkitd.sock for every user
// (buildctl's appdefaults; it never looks for a rootless daemon). Each scheme is a BuildKit connection helper.

export const BUILDCTL_DEFAULT_ADDR = 'unix:///run/buildkit/buildkitd.sock';

export type BuildkitAddressKind =
  | 'unix'
  | 'tcp'
  | 'docker-container'
  | 'podman-container'
  | 'nerdctl-container'
  | 'kube-pod'
  | 'ssh'
  | 'other';

export interface BuildkitAddress {
  raw: string;
  kind: BuildkitAddressKind;
  /** unix: the socket path */
  path: string | null;
  /** docker-container, podman-container, nerdctl-container, kube-pod: the container or pod; tcp, ssh: the host */
  target: string | null;
  /** kube-pod://NAME?namespace=NS */
  namespace: string | null;
}

const HELPERS: Record<string, BuildkitAddressKind> = {
  unix: 'unix',
  tcp: 'tcp',
  'docker-container': 'docker-container',
  'podman-container': 'podman-container',
  'nerdctl-container': 'nerdctl-container',
  'kube-pod': 'kube-pod',
  ssh: 'ssh',
};

export function parseBuildkitAddress(raw: string): BuildkitAddress {
  const text = raw.trim();
  const m = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(text);
  const none = { raw: text, path: null, target: null, namespace: null };
  if (!m) return { ...none, kind: 'other' };
  const kind = HELPERS[m[1]!.toLowerCase()] ?? 'other';
  const rest = m[2]!;
  if (kind === 'unix') return { ...none, kind, path: rest.startsWith('/') ? rest : null };
  const [hostPart, query = ''] = rest.split('?', 2) as [string, string?];
  const target = hostPart.replace(/\/+$/, '') || null;
  const namespace = kind === 'kube-pod' ? new URLSearchParams(query).get('namespace') : null;
  return { ...none, kind, target, namespace };
}

export type AddressSource = '--addr' | 'BUILDKIT_HOST' | 'default';

/** The address buildctl uses for this command and environment, and which of the three chose it. */
export function buildctlAddress(
  env: Readonly<Record<string, string>>,
  commandAddr: string | null | undefined,
): { address: BuildkitAddress; source: AddressSource } {
  if (commandAddr) return { address: parseBuildkitAddress(commandAddr), source: '--addr' };
  if (env.BUILDKIT_HOST) return { address: parseBuildkitAddress(env.BUILDKIT_HOST), source: 'BUILDKIT_HOST' };
  return { address: parseBuildkitAddress(BUILDCTL_DEFAULT_ADDR), source: 'default' };
}

/** A rootless buildkitd's socket: $XDG_RUNTIME_DIR/buildkit/buildkitd.sock (BuildKit's appdefaults.UserAddress). */
export function rootlessBuildkitSocket(
  xdgRuntimeDir: string | null | undefined,
  uid: number | null,
): string | null {
  const dir = xdgRuntimeDir || (uid !== null && uid !== 0 ? `/run/user/${uid}` : null);
  return dir ? `${dir.replace(/\/+$/, '')}/buildkit/buildkitd.sock` : null;
}

/**
 * The command that shows the environment of the container or pod a connection helper reaches (its proxy is that
 * environment): docker/podman/nerdctl `container inspect` (the same JSON), `kubectl get pod -o json`. Null for
 * unix, tcp and ssh. The argv is the evidence contract: capture runs it, analysis looks it up by it.
 */
export function helperInspectArgv(a: BuildkitAddress): string[] | null {
  // A name that starts with "-" would be read as a flag by the CLI: no probe, the builder stays unknown.
  if (!a.target || a.target.startsWith('-') || a.namespace?.startsWith('-')) return null;
  if (a.kind === 'docker-container') return ['docker', 'container', 'inspect', a.target];
  if (a.kind === 'podman-container') return ['podman', 'container', 'inspect', a.target];
  if (a.kind === 'nerdctl-container') return ['nerdctl', 'container', 'inspect', a.target];
  if (a.kind === 'kube-pod')
    return [
      'kubectl',
      'get',
      'pod',
      a.target,
      ...(a.namespace ? ['--namespace', a.namespace] : []),
      '--output',
      'json',
    ];
  return null;
}
