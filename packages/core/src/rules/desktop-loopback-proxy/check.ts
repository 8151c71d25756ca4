import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const desktopLoopbackProxy: Rule = {
  id: 'desktop-loopback-proxy',
  title: "Docker Desktop's engine was given a loopback proxy",
  severity: 'error',
  actor: 'runtime',
  summary:
    "docker info shows a 127.0.0.1 proxy: the engine runs in Desktop's VM, where 127.0.0.1 is the VM itself, so every pull fails with proxyconnect … connection refused.",
  targets: ['desktop-settings', 'wslconfig'],
  references: [
    {
      title: 'docker/for-win#14818: Desktop picks up the system proxy (127.0.0.1:10809) even when cleared',
      url: 'https://github.com/docker/for-win/issues/14818',
    },
    {
      title: 'docker/for-win#14706: proxy connection refused with WSL networkingMode=mirrored',
      url: 'https://github.com/docker/for-win/issues/14706',
    },
    {
      title: 'docker/for-win#14828: [experimental] autoProxy=false works',
      url: 'https://github.com/docker/for-win/issues/14828',
    },
  ],
  check(state) {
    const d = state.platform.desktop;
    if (!state.docker.desktop || !d?.loopbackInVm) return [];
    const wsl = state.platform.wsl;
    const mirrored =
      wsl?.networkingMode === 'mirrored'
        ? ` WSL runs in mirrored networking mode (${wsl.modeSource}), which hands the Windows proxy to the engine's VM.`
        : '';
    return [
      {
        message: `docker info shows the proxy ${d.loopbackInVm}: Docker Desktop's engine dials 127.0.0.1 inside its VM, not on your computer.${mirrored}`,
        msg: msg('desktop-loopback-proxy.vm', {
          proxy: d.loopbackInVm,
          mirrored: wsl?.networkingMode === 'mirrored' ? wsl.modeSource : null,
        }),
        evidence: [
          'docker info',
          ...(d.settings ? [d.settings.path] : []),
          ...(wsl?.wslconfig ? [wsl.wslconfig] : []),
        ],
      },
    ];
  },
};
