// Which targets fix the current findings on this machine, when the user names none.
import type { State } from '../analyze/types.js';
import { findRule } from '../rules/index.js';
import type { Finding } from '../rules/types.js';
import { builderMissingProxy, usedBuilders } from '../rules/util.js';
import type { Target } from './types.js';

/** The target that configures dockerd here: rootless or rootful drop-in, or daemon.json where it already rules. */
export function daemonTarget(state: State): Target | null {
  if (state.docker.desktop || state.docker.daemon === 'absent') return null;
  // dockerd runs in a VM this host's files do not configure (colima-yaml does for Colima)
  if (['colima', 'lima', 'rancher-desktop'].includes(state.engines.vm.engine ?? '')) return null;
  const engine = state.docker.engine;
  const djRules =
    !!state.daemonJson?.proxies && (!engine || engine[0] >= 23) && !state.systemd.flags['http-proxy'];
  const systemd = !!state.systemd.unit?.loaded;
  if (djRules && !systemd) return 'docker-daemon-json';
  if (!systemd) return engine && engine[0] >= 23 ? 'docker-daemon-json' : null;
  return state.docker.rootless ? 'docker-systemd-rootless' : 'docker-systemd';
}

/** The target that configures dockerd inside a VM engine: the engine's own file, read when the VM starts. */
export function vmDaemonTarget(state: State): Target | null {
  const engine = state.engines.vm.engine;
  if (engine === 'colima') return 'colima-yaml';
  if (engine === 'lima') return 'lima-override';
  if (engine === 'rancher-desktop') return 'rancher-desktop';
  return null;
}

/**
 * What gives the standalone buildkitd its proxy: its systemd unit's drop-in (rootful or rootless); a pod's
 * Deployment env; otherwise the command form (build-command prints `HTTPS_PROXY=… buildkitd …`).
 */
export function buildkitdTarget(state: State): Target | null {
  const b = state.buildctl;
  if (!b) return null;
  if (b.address.kind === 'kube-pod') return 'kubernetes';
  if (b.systemd) return 'buildkitd-systemd';
  return 'build-command';
}

const NO_AUTOMATIC_FIX = new Set([
  'daemon-unreachable',
  'config-file-invalid',
  'env-proxy-in-image',
  'proxy-arg-declared',
  'git-context-proxy',
  'proxy-network-bypass',
  'desktop-ignores-daemon-json',
  'proxy-unreachable',
  'proxy-forbids-host',
]);

export function defaultTargets(state: State, findings: Finding[]): Target[] {
  const out = new Set<Target>();
  const daemon = daemonTarget(state) ?? vmDaemonTarget(state);
  for (const f of findings) {
    if (NO_AUTOMATIC_FIX.has(f.rule) || f.severity === 'info') continue;
    // Podman and the VM engines have their own files: their rules name the targets that write them.
    if (/^(podman|colima)-/.test(f.rule)) {
      for (const t of findRule(f.rule)?.targets ?? []) out.add(t);
      continue;
    }
    // WSL's own networking: mirrored mode for a Windows loopback proxy, autoProxy off for Desktop's VM
    if (f.rule === 'wsl-nat-loopback-proxy' || (f.rule === 'desktop-loopback-proxy' && state.platform.wsl))
      out.add('wslconfig');
    if (f.rule === 'proxy-auth-required') {
      // Basic: the URL's credentials are the user's to fix; NTLM/Negotiate: a local relay
      if (f.message.includes('cntlm-relay')) out.add('cntlm-relay');
      continue;
    }
    if (f.rule === 'tls-inspection-ca' || f.rule === 'tls-inspection-untrusted') {
      // the CA per actor: host store (client, dockerd, host buildkitd), the builder's own toml, RUN snippets
      if (f.actor !== 'builder') out.add('ca-trust');
      else if (state.builderKind === 'buildkitd') out.add('buildkitd-toml');
      else if (state.builderKind === 'dockerd') out.add('ca-trust');
      else if (usedBuilders(state).some((u) => u.builder.driver === 'docker-container'))
        out.add('buildx-docker-container');
      continue;
    }
    if (f.actor === 'client') out.add('client-shell');
    // buildctl never reads config.json: its RUN steps get the proxy only from the command's --opt build-arg:.
    else if (f.actor === 'run')
      out.add(state.builderKind === 'buildkitd' ? 'build-command' : 'docker-cli-config');
    else if (f.actor === 'runtime') {
      // Docker Desktop's engine takes its proxy from Desktop's settings, never from a file buildproxy writes
      if (state.docker.desktop) out.add('desktop-settings');
      else if (daemon) out.add(daemon);
    } else {
      const used = usedBuilders(state).map((u) => u.builder);
      const named = used.filter((b) => f.message.includes(`"${b.name}"`));
      const broken = used.filter((b) => builderMissingProxy(b));
      const pick = named.filter((b) => broken.includes(b));
      const chosen = pick.length ? pick : named.length ? named : broken.length ? broken : used;
      for (const b of chosen) {
        if (b.driver === 'docker' && daemon) out.add(daemon);
        if (b.driver === 'docker-container') out.add('buildx-docker-container');
        if (b.driver === 'kubernetes') out.add('kubernetes');
        if (b.driver === 'buildkitd') {
          const t = buildkitdTarget(state);
          if (t) out.add(t);
        }
      }
    }
  }
  return [...out];
}
