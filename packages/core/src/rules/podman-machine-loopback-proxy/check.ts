import { msg } from '../../messages/ref.js';
import { proxyOnLoopback } from '../../proxy/url.js';
import type { Rule } from '../types.js';
import { shown } from '../util.js';

export const podmanMachineLoopbackProxy: Rule = {
  id: 'podman-machine-loopback-proxy',
  title: 'podman machine got a 127.0.0.1 proxy: inside the VM that is the VM',
  severity: 'error',
  actor: 'runtime',
  summary:
    "The machine's environment (default-env.conf) names a proxy on 127.0.0.1 or localhost, copied from the host shell; in the VM that address is the VM itself, so every pull fails.",
  targets: ['podman-machine'],
  references: [
    {
      title: 'containers/podman#14087: failed to pull image when use system proxy',
      url: 'https://github.com/containers/podman/issues/14087',
    },
    {
      title: 'podman-desktop#9624: not possible to use a local proxy on Windows',
      url: 'https://github.com/podman-desktop/podman-desktop/issues/9624',
    },
  ],
  check(state) {
    const m = state.engines.podman?.machine;
    if (!m?.env) return [];
    const bad = m.env.filter((v) => /^(https?|all)_proxy$/i.test(v.name) && proxyOnLoopback(v.value));
    if (bad.length === 0) return [];
    return [
      {
        message: `machine ${m.name}: ${bad.map((v) => `${v.name}=${shown(v.value)}`).join(', ')} (${bad[0]!.origin.ref}); inside the VM 127.0.0.1 is the VM: use host.containers.internal`,
        msg: msg('podman-machine-loopback-proxy.loopback', {
          name: m.name,
          vars: bad.map((v) => `${v.name}=${shown(v.value)}`),
          from: bad[0]!.origin.ref,
        }),
        evidence: [...new Set(bad.map((v) => v.origin.ref))],
      },
    ];
  },
};
