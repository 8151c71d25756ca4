// Which network namespace each actor resolves 127.0.0.1 in: a proxy on the host's loopback is reachable only
// from the host's namespace.
import type { BuilderState, Netns } from './types.js';

export interface DaemonPlace {
  desktop: boolean;
  rootless: boolean;
}

/** Where a process started by dockerd itself sees loopback: Desktop's VM, rootlesskit's namespace, or `fallback`. */
export function loopbackNetns(daemon: DaemonPlace, fallback: Netns): Netns {
  if (daemon.desktop) return 'vm';
  if (daemon.rootless) return 'rootless';
  return fallback;
}

/** The builder's namespace: dockerd's for the docker driver, its own container's, a pod's, or a remote host's. */
export function builderNetns(bx: BuilderState | null, daemon: DaemonPlace): Netns {
  if (!bx) return 'unknown';
  if (bx.driver === 'docker') return loopbackNetns(daemon, 'host');
  if (bx.driver === 'docker-container')
    return bx.networkHost ? loopbackNetns(daemon, 'host') : 'builder-container';
  if (bx.driver === 'kubernetes') return 'pod';
  return 'remote';
}

/** RUN steps: the docker driver runs them on dockerd's bridge; other builders in their own namespace. */
export function runNetns(bx: BuilderState | null, daemon: DaemonPlace): Netns {
  if (!bx) return 'unknown';
  return bx.driver === 'docker' ? loopbackNetns(daemon, 'bridge') : builderNetns(bx, daemon);
}
