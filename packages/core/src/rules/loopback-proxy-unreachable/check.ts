import { rebindAdvice } from '../../analyze/run-proxy.js';
import type { Actor, Netns, VarValue } from '../../analyze/types.js';
import { listenScope } from '../../formats/proc-net.js';
import { atLeast } from '../../formats/version.js';
import { msg } from '../../messages/ref.js';
import { parseProxyUrl, proxyOnLoopback } from '../../proxy/url.js';
import type { FindingDraft, Rule } from '../types.js';
import { shown } from '../util.js';

const ADVICE: Partial<Record<Netns, string>> = {
  bridge:
    'RUN steps run in a bridge network where 127.0.0.1 is the container itself: let the proxy listen on the docker0 address (e.g. http://172.17.0.1:3128), or build with --network host',
  'builder-container':
    'the builder container has its own loopback: recreate it with --driver-opt network=host, or use an address the container can reach',
  rootless:
    'rootless Docker blocks the host loopback: set DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false and use http://10.0.2.2:PORT',
  vm: 'Docker Desktop runs the daemon in a VM: use http://host.docker.internal:PORT or set the proxy in Desktop settings',
  pod: 'inside a pod 127.0.0.1 is the pod: use the proxy service address',
};

export const loopbackProxyUnreachable: Rule = {
  id: 'loopback-proxy-unreachable',
  title: 'A 127.0.0.1 proxy is unreachable from this actor',
  severity: 'error',
  actor: 'run',
  summary:
    "The proxy is on this host's loopback, but the actor runs in another network namespace where 127.0.0.1 is itself.",
  targets: ['buildx-docker-container', 'docker-cli-config', 'build-command'],
  references: [
    {
      title: 'docker/buildx#2667: 127.0.0.1 proxy in docker-container builder',
      url: 'https://github.com/docker/buildx/issues/2667',
    },
    {
      title: 'docker/for-mac#6513: localhost proxy in build args',
      url: 'https://github.com/docker/for-mac/issues/6513',
    },
    {
      title: 'Docker docs: rootless mode tips (host loopback)',
      url: 'https://docs.docker.com/engine/security/rootless/tips/',
    },
  ],
  check(state) {
    const out: FindingDraft[] = [];
    const engine = state.docker.engine;
    for (const actor of ['runtime', 'builder', 'run'] as Actor[]) {
      const a = state.actors[actor];
      let netns = a.netns;
      // Engine ≥29.5 rootless pulls leave from the host namespace (detach-netns).
      if (netns === 'rootless' && actor !== 'run' && atLeast(engine, '29.5.0')) netns = 'host';
      if (netns === 'host' || netns === 'unknown' || netns === 'remote') continue;
      const seen = new Set<string>();
      for (const v of [a.proxy.http, a.proxy.https].filter((x): x is VarValue => !!x)) {
        if (!proxyOnLoopback(v.value) || seen.has(v.value)) continue;
        seen.add(v.value);
        const p = parseProxyUrl(v.value);
        const port = p.ok ? p.url.effectivePort : 0;
        const listen =
          listenScope(state.hostNet, port) === 'loopback-only'
            ? `. The proxy listens on 127.0.0.1:${port} only, so no container reaches it at any address until it also listens on the bridge gateway, for the bridge's subnet only: ${rebindAdvice(port, state.hostNet?.bridge ?? '172.17.0.1')}`
            : '';
        out.push({
          actor,
          message: `${a.label} uses ${shown(v.value)} (${v.origin.ref}); ${ADVICE[netns] ?? '127.0.0.1 is not this host there'}${listen}`,
          msg: msg('loopback-proxy-unreachable.uses', {
            actor: a.label,
            proxy: shown(v.value),
            from: v.origin.ref,
            netns,
            port: listenScope(state.hostNet, port) === 'loopback-only' ? String(port) : null,
            gateway: state.hostNet?.bridge ?? '172.17.0.1',
          }),
          evidence: [v.origin.ref],
        });
      }
    }
    return out;
  },
};
