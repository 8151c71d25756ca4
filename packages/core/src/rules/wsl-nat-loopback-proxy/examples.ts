// wsl-nat-loopback-proxy: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { regQuery } from '../../evidence/platforms.js';
import { HOME } from '../../machines/fixtures.js';
import { commandOk } from '../../machines/printers.js';
import type { RuleExamples } from '../types.js';

const reg = (value: 'ProxyEnable' | 'ProxyServer', type: string, data: string) =>
  commandOk(
    regQuery(value, true),
    `\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\r\n    ${value}    ${type}    ${data}\r\n\r\n`,
  );

const WSL = { distro: 'Ubuntu', windowsHome: '/mnt/c/Users/alice' };

export const examples: RuleExamples = {
  bad: {
    title: 'Windows proxy 127.0.0.1:7890, NAT mode, dockerd in the distro',
    machine: {
      home: HOME,
      wsl: WSL,
      env: { WSL_DISTRO_NAME: 'Ubuntu' },
      files: { '/mnt/c/Users/alice/.wslconfig': '[wsl2]\r\nnetworkingMode=nat\r\n' },
      commands: [reg('ProxyEnable', 'REG_DWORD', '0x1'), reg('ProxyServer', 'REG_SZ', '127.0.0.1:7890')],
      docker: { engine: '28.2.2', systemd: true },
    },
  },
  good: {
    title: 'Mirrored mode: the distro shares Windows’ loopback',
    machine: {
      home: HOME,
      wsl: WSL,
      env: { WSL_DISTRO_NAME: 'Ubuntu' },
      files: { '/mnt/c/Users/alice/.wslconfig': '[wsl2]\r\nnetworkingMode=mirrored\r\n' },
      commands: [reg('ProxyEnable', 'REG_DWORD', '0x1'), reg('ProxyServer', 'REG_SZ', '127.0.0.1:7890')],
      docker: { engine: '28.2.2', systemd: true },
    },
  },
};
