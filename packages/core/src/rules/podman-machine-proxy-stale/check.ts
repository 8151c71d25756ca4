import type { State } from '../../analyze/types.js';
import { atLeast } from '../../formats/version.js';
import { type MsgRef, msg } from '../../messages/ref.js';
import { formatProxyUrl, isLoopbackHost, parseProxyUrl, proxyOnLoopback } from '../../proxy/url.js';
import type { Rule } from '../types.js';
import { shown } from '../util.js';

/**
 * What `podman machine start` would write into the machine from this shell's value: verbatim, except that podman
 * ≥ 4.6 rewrites a loopback host to host.containers.internal on every provider but WSL (pkg/machine/proxyenv).
 */
export function machineValueFrom(state: State, value: string): string {
  const p = state.engines.podman;
  const wsl = p?.machine?.inspect?.provider === 'wsl';
  if (wsl || atLeast(p?.podman ?? null, '4.6.0') !== true) return value;
  const u = parseProxyUrl(value);
  return u.ok && isLoopbackHost(u.url.host)
    ? formatProxyUrl({ ...u.url, host: 'host.containers.internal' })
    : value;
}

const same = (a: string, b: string) => {
  const pa = parseProxyUrl(a);
  const pb = parseProxyUrl(b);
  return pa.ok && pb.ok ? formatProxyUrl(pa.url) === formatProxyUrl(pb.url) : a === b;
};

export const podmanMachineProxyStale: Rule = {
  id: 'podman-machine-proxy-stale',
  title: 'The podman machine still has the proxy of the shell that last started it',
  severity: 'warning',
  actor: 'runtime',
  summary:
    "A podman machine takes the proxy variables of the shell that runs `podman machine start`, once, at boot. This shell's proxy differs from the one the running machine has (or the machine has none), so pulls and remote builds use the old value until the machine is restarted from here.",
  targets: ['podman-machine'],
  references: [
    {
      title: 'containers/podman#22898: proxy variables set later do not reach the machine',
      url: 'https://github.com/containers/podman/issues/22898',
    },
    {
      title: 'podman-machine-inspect(1): LastUp, State, ConfigDir',
      url: 'https://github.com/containers/podman/blob/main/docs/source/markdown/podman-machine-inspect.1.md',
    },
  ],
  check(state) {
    const m = state.engines.podman?.machine;
    if (!m?.env || !m.running) return [];
    const since = m.inspect?.lastUp ? ` since it booted at ${m.inspect.lastUp}` : '';
    const out: string[] = [];
    const outMsg: MsgRef[] = [];
    for (const name of ['HTTPS_PROXY', 'HTTP_PROXY']) {
      const shell = state.client[name] ?? state.client[name.toLowerCase()];
      if (!shell) continue;
      const vm = m.env.find((v) => v.name.toUpperCase() === name);
      // a loopback value in the VM is podman-machine-loopback-proxy's finding
      if (vm && proxyOnLoopback(vm.value)) continue;
      const want = machineValueFrom(state, shell);
      if (vm && same(vm.value, want)) continue;
      outMsg.push(
        msg('podman-machine-proxy-stale.var', {
          name,
          vm: vm ? shown(vm.value) : null,
          shell: shown(shell),
          would: want !== shell ? shown(want) : null,
        }),
      );
      out.push(
        `${name}: the machine has ${vm ? shown(vm.value) : 'none'}, this shell ${shown(shell)}${want !== shell ? ` (it would get ${shown(want)})` : ''}`,
      );
    }
    if (out.length === 0) return [];
    return [
      {
        message: `machine ${m.name} keeps the proxy it got${since}: ${out.join('; ')}. Restart it from this shell: podman machine stop ${m.name}; podman machine start ${m.name}`,
        msg: msg('podman-machine-proxy-stale.stale', {
          name: m.name,
          since: m.inspect?.lastUp ? m.inspect.lastUp : null,
          vars: outMsg,
        }),
        evidence: [
          ...(m.env[0] ? [m.env[0].origin.ref] : [`${m.name}:/etc/systemd/system.conf.d/default-env.conf`]),
          `podman machine inspect ${m.name}`,
          'environment',
        ],
      },
    ];
  },
};
