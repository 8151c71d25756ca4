// Which PAC file this machine names, and which hosts to ask it about. Pure: from the analysed state.
import type { Profile, State } from '../analyze/types.js';
import { neededHosts } from '../network/probe-plan.js';

export interface PacSource {
  url: string;
  /** where it was read, for a person */
  source: string;
}

/**
 * The PAC URL the machine's most specific proxy setting names: the system proxies in their order (WSL's
 * WSL_PAC_URL, macOS, Windows, GNOME, KDE), then Docker Desktop's manual PAC setting. Null: none.
 */
export function pacSourceOf(state: State): PacSource | null {
  for (const s of state.platform.systemProxies) if (s.pac) return { url: s.pac, source: s.label };
  const d = state.platform.desktop?.upstream;
  if (d?.pac) return { url: d.pac, source: d.label };
  const wslPac = state.client.WSL_PAC_URL;
  if (wslPac) return { url: wslPac, source: 'WSL autoProxy (WSL_PAC_URL)' };
  return null;
}

/** Hosts RUN steps commonly fetch from: Debian/Ubuntu/Alpine packages, npm, PyPI. */
export const PACKAGE_HOSTS = [
  { host: 'deb.debian.org', url: 'http://deb.debian.org/debian/' },
  { host: 'archive.ubuntu.com', url: 'http://archive.ubuntu.com/ubuntu/' },
  { host: 'dl-cdn.alpinelinux.org', url: 'https://dl-cdn.alpinelinux.org/alpine/' },
  { host: 'registry.npmjs.org', url: 'https://registry.npmjs.org/' },
  { host: 'pypi.org', url: 'https://pypi.org/simple/' },
];

/** The URLs FindProxyForURL is asked about: docker.io's three hosts, the registries and mirrors, package hosts. */
export function pacTargets(profile: Profile): { host: string; url: string }[] {
  const out = neededHosts(profile).map((h) => {
    const host = h.host.includes(':') ? `[${h.host}]` : h.host;
    return { host: h.host, url: h.port === 443 ? `https://${host}/v2/` : `https://${host}:${h.port}/v2/` };
  });
  for (const p of PACKAGE_HOSTS) if (!out.some((o) => o.host === p.host)) out.push(p);
  return out;
}
