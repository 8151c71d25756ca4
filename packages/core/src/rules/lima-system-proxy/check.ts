import { LIMA_GATEWAY } from '../../analyze/lima-env.js';
import { msg } from '../../messages/ref.js';
import { formatProxyUrl, isLoopbackHost, parseProxyUrl } from '../../proxy/url.js';
import type { Rule } from '../types.js';
import { shown } from '../util.js';

/** host:port of a proxy URL, loopback as Lima's gateway (what the VM receives); null when it does not parse. */
function endpoint(value: string): string | null {
  const p = parseProxyUrl(value);
  if (!p.ok) return null;
  const host = isLoopbackHost(p.url.host) ? LIMA_GATEWAY : p.url.host;
  return formatProxyUrl({ ...p.url, host, username: null, password: null });
}

export const limaSystemProxy: Rule = {
  id: 'lima-system-proxy',
  title: "Lima gave the VM's dockerd the macOS system proxy",
  severity: 'warning',
  actor: 'runtime',
  summary:
    "dockerd in the Lima VM uses a proxy that neither this shell nor Lima's files set: Lima starts the VM's proxy variables from the Mac's network settings. A proxy left there (an old office, a VPN that is off) breaks every pull while `env | grep -i proxy` shows nothing.",
  targets: ['lima-override'],
  references: [
    {
      title:
        'abiosoft/colima#610: "Creating unwanted proxy" — docker info shows a proxy the shell does not have',
      url: 'https://github.com/abiosoft/colima/issues/610',
    },
    {
      title:
        'lima-vm/lima pkg/cidata/cidata.go setupEnv: "Start with the proxy variables from the system settings"',
      url: 'https://github.com/lima-vm/lima/blob/master/pkg/cidata/cidata.go',
    },
  ],
  check(state, profile) {
    const vm = state.engines.vm;
    if (vm.engine !== 'lima' && vm.engine !== 'colima') return [];
    const info = state.docker.info;
    if (!info) return [];
    const files = [vm.lima?.override, vm.lima?.defaults, vm.colima?.yaml, vm.colima?.limaOverride];
    if (files.some((f) => f?.env.some((v) => /^https?_proxy$/i.test(v.name)))) return [];
    const system = state.platform.systemProxies.filter((s) => s.source === 'macos');
    const out: string[] = [];
    for (const [name, used] of [
      ['HTTP_PROXY', info.httpProxy],
      ['HTTPS_PROXY', info.httpsProxy],
    ] as const) {
      if (!used) continue;
      // a proxy in the shell that started the VM would have won over the system one (propagateProxyEnv)
      if (state.client[name] || state.client[name.toLowerCase()]) continue;
      const at = endpoint(used);
      const from = system.find((s) => [s.http, s.https].some((v) => v && endpoint(v) === at));
      if (!at || !from) continue;
      // the proxy the user named is the one the system gives: nothing to say
      const wanted = name === 'HTTP_PROXY' ? profile.httpProxy : profile.httpsProxy;
      if (profile.source === 'flags' && wanted && endpoint(wanted) === at) continue;
      out.push(`${name}=${shown(used)}`);
    }
    if (out.length === 0) return [];
    return [
      {
        message: `dockerd in the ${vm.engine === 'colima' ? 'Colima' : 'Lima'} VM uses ${out.join(', ')}, set by neither this shell nor Lima's files: Lima took it from the Mac's network settings (scutil --proxy). If that proxy is wrong, fix System Settings > Network > Proxies, or set the proxy in ~/.lima/_config/override.yaml env (an empty value there keeps the system's out), then restart the VM`,
        msg: msg('lima-system-proxy.system', { colima: vm.engine === 'colima', vars: out }),
        evidence: ['docker info', 'scutil --proxy'],
      },
    ];
  },
};
