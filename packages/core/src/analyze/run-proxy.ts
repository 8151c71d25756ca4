// The proxy address RUN steps should be given. A proxy on this host's loopback (a local cntlm, px, Clash) is
// 127.0.0.1 only on the host: inside a build container 127.0.0.1 is the container. Copying it into
// config.json or a --build-arg turns a warning into a failing build, so use an address the build containers
// can reach, and say when the proxy itself listens on loopback only (then no address helps until it rebinds).

import { hostProxyAddress, listenScope } from '../formats/proc-net.js';
import { type MsgRef, msg } from '../messages/ref.js';
import { formatProxyUrl, isLoopbackHost, parseProxyUrl } from '../proxy/url.js';
import type { State } from './types.js';

export interface RunProxy {
  value: string;
  /** the value was rewritten from a loopback address */
  changed: boolean;
  /** why this address, and what the user still has to do */
  note: string | null;
  /** the note as a typed message (the English is `note`), for pages in other languages */
  noteMsg: MsgRef | null;
  /** the proxy listens on loopback only (from /proc/net/tcp{,6}) */
  loopbackOnly: boolean;
}

/**
 * How to make a loopback-only proxy reachable from build containers: listen on the bridge gateway as well, and
 * accept only the bridge's subnet. Never "on all interfaces": a relay that holds the user's corporate
 * credentials (cntlm, px) would then be an open proxy for the whole network ("Gateway yes" does exactly that).
 */
export function rebindAdvice(port: number, gateway: string): string {
  const at = `${gateway}:${port}`;
  return (
    `cntlm: "Listen ${at}" beside "Listen 127.0.0.1:${port}", then "Allow <bridge subnet>" and "Deny 0/0" (target cntlm-relay writes this; never "Gateway yes"); ` +
    `squid: "http_port ${at}" with an "acl" that allows only the bridge subnet; ` +
    `px: "--listen=127.0.0.1,${gateway} --allow=<bridge subnet>"; ` +
    `Clash/Mihomo: "allow-lan: true" with "bind-address: ${gateway}"; ` +
    `V2Ray/Xray: a second inbound with "listen": "${gateway}"`
  );
}

export function proxyForRunSteps(state: State, value: string): RunProxy {
  const p = parseProxyUrl(value);
  if (!p.ok || !isLoopbackHost(p.url.host))
    return { value, changed: false, note: null, noteMsg: null, loopbackOnly: false };
  const port = p.url.effectivePort;
  const netns = state.actors.run.netns;
  const loopbackOnly = listenScope(state.hostNet, port) === 'loopback-only';
  const gateway = state.hostNet?.bridge ?? '172.17.0.1';
  const rebind = loopbackOnly
    ? `; the proxy listens on 127.0.0.1:${port} only, so let it also listen on the bridge gateway ${gateway}, for the bridge's subnet only (${rebindAdvice(port, gateway)})`
    : '';
  const rebindMsg = loopbackOnly ? msg('run-proxy.rebind', { port: String(port), gateway }) : null;
  const to = (host: string, why: string, whyMsg: MsgRef): RunProxy => ({
    value: formatProxyUrl({ ...p.url, host }),
    changed: true,
    note: `${why}${rebind}`,
    noteMsg: msg('run-proxy.note', { why: whyMsg, rebind: rebindMsg }),
    loopbackOnly,
  });
  if (netns === 'host')
    return { value, changed: false, note: rebind ? rebind.slice(2) : null, noteMsg: rebindMsg, loopbackOnly };
  if (netns === 'vm')
    return to(
      'host.docker.internal',
      'Docker Desktop resolves host.docker.internal to this host',
      msg('run-proxy.desktop', {}),
    );
  if (netns === 'rootless')
    return to(
      '10.0.2.2',
      'rootless Docker reaches the host at 10.0.2.2 (DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false)',
      msg('run-proxy.rootless', {}),
    );
  const own = hostProxyAddress(state.hostNet, port);
  if (own && own !== state.hostNet?.bridge)
    return to(
      own,
      `the proxy listens on ${own}, which build containers can reach`,
      msg('run-proxy.listens', { address: own }),
    );
  const bridge = state.hostNet?.bridge ?? null;
  return to(
    bridge ?? '172.17.0.1',
    bridge
      ? `build containers reach this host at dockerd's bridge address ${bridge}`
      : "build containers reach this host at docker0's address (172.17.0.1 unless dockerd runs with --bip or --bridge)",
    bridge ? msg('run-proxy.bridge', { bridge }) : msg('run-proxy.docker0', {}),
  );
}
