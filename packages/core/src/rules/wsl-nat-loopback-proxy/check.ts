import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const wslNatLoopbackProxy: Rule = {
  id: 'wsl-nat-loopback-proxy',
  title: "The Windows proxy is on Windows' 127.0.0.1, which this WSL distro cannot reach",
  severity: 'error',
  actor: 'runtime',
  summary:
    "In WSL's default NAT mode the distro has its own 127.0.0.1: a Windows proxy on localhost is not mirrored in, so the dockerd of this distro cannot use it.",
  targets: ['wslconfig', 'docker-systemd'],
  references: [
    {
      title: 'microsoft/WSL#10753: "WSL in NAT mode does not support localhost proxies"',
      url: 'https://github.com/microsoft/WSL/issues/10753',
    },
    {
      title: 'WSL settings: networkingMode, autoProxy',
      url: 'https://learn.microsoft.com/en-us/windows/wsl/wsl-config',
    },
  ],
  check(state) {
    const wsl = state.platform.wsl;
    if (!state.host.wsl || !wsl || wsl.networkingMode !== 'nat' || state.docker.desktop) return [];
    const win = state.platform.systemProxies.find((p) => p.source === 'wininet' || p.source === 'winhttp');
    const url = win?.https ?? win?.http;
    if (!url || !/^https?:\/\/(127\.|localhost|\[::1\])/i.test(url)) return [];
    return [
      {
        message: `${win!.label} is ${url}, on Windows' loopback; in NAT mode (${wsl.modeSource}) 127.0.0.1 in ${wsl.distro || 'this distro'} is the distro itself, so its dockerd cannot reach that proxy`,
        msg: msg('wsl-nat-loopback-proxy.nat', {
          setting: win!.label,
          url,
          mode: wsl.modeSource,
          distro: wsl.distro ? wsl.distro : null,
        }),
        evidence: [win!.evidence, ...(wsl.wslconfig ? [wsl.wslconfig] : [])],
      },
    ];
  },
};
