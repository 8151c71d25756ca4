import { msg } from '../../messages/ref.js';
import { proxyOnLoopback } from '../../proxy/url.js';
import type { Rule } from '../types.js';
import { shown } from '../util.js';

export const colimaLoopbackProxy: Rule = {
  id: 'colima-loopback-proxy',
  title: "Colima wrote a 127.0.0.1 proxy into the VM's daemon.json",
  severity: 'error',
  actor: 'runtime',
  summary:
    'dockerd in the Colima VM uses the proxies of its daemon.json; colima up to 0.7.5 copied a loopback proxy there verbatim, while the VM environment got the host gateway. In the VM, 127.0.0.1 is the VM.',
  targets: ['colima-yaml'],
  references: [
    {
      title: 'abiosoft/colima#1144: no gateway address for proxy variables in daemon.json',
      url: 'https://github.com/abiosoft/colima/issues/1144',
    },
    {
      title: 'abiosoft/colima#1145: replace 127.0.0.1 with the host gateway (v0.7.6)',
      url: 'https://github.com/abiosoft/colima/pull/1145',
    },
  ],
  check(state) {
    const c = state.engines.vm.colima;
    if (!c) return [];
    const inVm = (c.vmDaemonProxies ?? []).filter(
      (v) => /^https?-proxy$/.test(v.name) && proxyOnLoopback(v.value),
    );
    if (inVm.length)
      return [
        {
          message: `colima ${c.profile}: the VM's daemon.json has ${inVm.map((v) => `${v.name}=${shown(v.value)}`).join(', ')}; dockerd in the VM dials itself. Use the host gateway (host.lima.internal / 192.168.5.2) or colima ≥ 0.7.6`,
          msg: msg('colima-loopback-proxy.vm', {
            profile: c.profile,
            vars: inVm.map((v) => `${v.name}=${shown(v.value)}`),
          }),
          evidence: [inVm[0]!.origin.ref],
        },
      ];
    // Not read over ssh (colima older than 0.8.1 is not asked): docker info reports the VM's dockerd proxies.
    const info = state.docker.info;
    if (c.vmDaemonProxies === null && state.engines.vm.engine === 'colima' && info) {
      const seen = (
        [
          ['HTTP Proxy', info.httpProxy],
          ['HTTPS Proxy', info.httpsProxy],
        ] as const
      ).filter(([, v]) => v && proxyOnLoopback(v));
      if (seen.length)
        return [
          {
            message: `colima ${c.profile}: docker info shows ${seen.map(([k, v]) => `${k}: ${shown(v)}`).join(', ')}; dockerd in the VM dials itself. Use the host gateway (host.lima.internal / 192.168.5.2) or colima ≥ 0.7.6`,
            msg: msg('colima-loopback-proxy.info', {
              profile: c.profile,
              vars: seen.map(([k, v]) => `${k}: ${shown(v)}`),
            }),
            evidence: ['docker info'],
          },
        ];
    }
    // VM stopped: predict from colima.yaml, else from the shell colima copies.
    if (c.vmDaemonProxies !== null || c.rewritesLoopback !== false || state.docker.daemon === 'up') return [];
    const fromYaml = [...(c.yaml?.dockerProxies ?? []), ...(c.yaml?.env ?? [])];
    const shell = Object.entries(state.client)
      .filter(([k]) => /^https?_proxy$/i.test(k))
      .map(([name, value]) => ({ name, value, origin: { kind: 'env' as const, ref: 'shell' } }));
    const src = (fromYaml.length ? fromYaml : shell).filter((v) => proxyOnLoopback(v.value));
    if (src.length === 0) return [];
    return [
      {
        message: `colima ${c.profile}: ${src.map((v) => `${v.name}=${shown(v.value)}`).join(', ')} (${src[0]!.origin.ref}) goes verbatim into the VM's daemon.json with this colima; use the host gateway or colima ≥ 0.7.6`,
        msg: msg('colima-loopback-proxy.verbatim', {
          profile: c.profile,
          vars: src.map((v) => `${v.name}=${shown(v.value)}`),
          from: src[0]!.origin.ref,
        }),
        evidence: [src[0]!.origin.ref],
      },
    ];
  },
};
