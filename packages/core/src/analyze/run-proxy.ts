// The proxy address RUN steps should be given. A proxy on this host's loopback (a local cntlm, px, Clash) is
// 127.0.0.1 only on the host: inside a build container 127.0.0.1 is the container. Copying it into
// config.json or a --build-arg turns a warning into a failing build, so use an address the build containers
// can reach, and say when the proxy itself listens on loopback only (then no address helps until it rebinds).

import { hostProxyAddress, listenScope } from '../formats/proc-net.js';
import { formatProxyUrl, isLoopbackHost, parseProxyUrl } from '../proxy/url.js';
import type { State } from './types.js';

export interface RunProxy {
  value: string;
  /** the value was rewritten from a loopback address */
  changed: boolean;
  /** why this address, and what the user still has to do */
  note: string | null;
  /** the proxy listens on loopback only (from /proc/net/tcp{,6}) */
  loopbackOnly: boolean;
}

export const REBIND =
  'cntlm: "Listen 0.0.0.0:PORT" (or "Gateway yes"); squid: "http_port PORT" without 127.0.0.1; px: "--gateway"; Clash/Mihomo: "allow-lan: true"; V2Ray/Xray: the inbound\'s "listen": "0.0.0.0"';

export function proxyForRunSteps(state: State, value: string): RunProxy {
  const p = parseProxyUrl(value);
  if (!p.ok || !isLoopbackHost(p.url.host)) return { value, changed: false, note: null, loopbackOnly: false };
  const port = p.url.effectivePort;
  const netns = state.actors.run.netns;
  const loopbackOnly = listenScope(state.hostNet, port) === 'loopback-only';
  const rebind = loopbackOnly
    ? `; the proxy listens on 127.0.0.1:${port} only, so let it listen on all interfaces (${REBIND.replaceAll('PORT', String(port))})`
    : '';
  const to = (host: string, why: string): RunProxy => ({
    value: formatProxyUrl({ ...p.url, host }),
    changed: true,
    note: `${why}${rebind}`,
    loopbackOnly,
  });
  if (netns === 'host') return { value, changed: false, note: rebind ? rebind.slice(2) : null, loopbackOnly };
  if (netns === 'vm')
    return to('host.docker.internal', 'Docker Desktop resolves host.docker.internal to this host');
  if (netns === 'rootless')
    return to(
      '10.0.2.2',
      'rootless Docker reaches the host at 10.0.2.2 (DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false)',
    );
  const own = hostProxyAddress(state.hostNet, port);
  if (own && own !== state.hostNet?.bridge)
    return to(own, `the proxy listens on ${own}, which build containers can reach`);
  const bridge = state.hostNet?.bridge ?? null;
  return to(
    bridge ?? '172.17.0.1',
    bridge
      ? `build containers reach this host at dockerd's bridge address ${bridge}`
      : "build containers reach this host at docker0's address (172.17.0.1 unless dockerd runs with --bip or --bridge)",
  );
}
