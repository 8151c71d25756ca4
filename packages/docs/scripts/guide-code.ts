// The code blocks the guides write by hand (everything else in a guide is generated from core's plans), one constant
// each, rendered by the English and the zh-CN guide alike: a command fixed here is fixed in both languages. The docs
// content test compares every code block of a zh-CN guide with its English counterpart on the built pages.
import { buildReport } from '@buildproxy/core';
import { fixtures, type MachineSpec, synthesize } from '@buildproxy/core/testing';

/** A fenced markdown code block (a longer fence when the code holds one). */
export function fence(lang: string, code: string): string {
  const f = code.includes('```') ? '~~~~' : '```';
  return `${f}${lang}\n${code.trim()}\n${f}`;
}

/** Rootless dockerd reaching a proxy on the host's 127.0.0.1: RootlessKit's opt-in and the slirp4netns gateway. */
export const ROOTLESS_LOOPBACK_DROP_IN = fence(
  'ini',
  `# ~/.config/systemd/user/docker.service.d/override.conf
[Service]
Environment="DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false"
Environment="HTTP_PROXY=http://10.0.2.2:3128"
Environment="HTTPS_PROXY=http://10.0.2.2:3128"`,
);

export const ROOTLESS_RESTART = fence(
  'sh',
  `systemctl --user daemon-reload
systemctl --user restart docker`,
);

/** Docker Desktop on Windows: the proxy in the user's environment, for the CLI and buildx (registry tokens). */
export const WINDOWS_USER_PROXY = fence(
  'powershell',
  `[Environment]::SetEnvironmentVariable('HTTPS_PROXY', '${fixtures.PROXY}', 'User')
[Environment]::SetEnvironmentVariable('HTTP_PROXY', '${fixtures.PROXY}', 'User')
[Environment]::SetEnvironmentVariable('NO_PROXY', 'localhost,127.0.0.1,::1', 'User')`,
);

/**
 * What `buildproxy doctor` prints (the pac-static-proxy finding) for a machine's PAC answers: computed by core, so
 * the page cannot drift from the CLI. The CLI's output is English on both pages, as the terminal shows it.
 */
export function pacDoctorPrints(machine: MachineSpec): string {
  const f = buildReport(synthesize(machine)).report.findings.find((x) => x.rule === 'pac-static-proxy');
  if (!f) throw new Error('the corporate PAC example no longer produces pac-static-proxy');
  return fence('text wrap', f.message);
}
