// The proxy this machine already states, as the answer the wizard offers by default: the shell's environment,
// then Docker Desktop's manual proxy, then the OS system proxy (macOS, Windows, GNOME, KDE), then what the PAC
// file answered (when `doctor --network` ran it). Pure: a function of the analysed state, each with its source.

import { redactValue } from '../proxy/redact.js';
import { proxyOnLoopback } from '../proxy/url.js';
import type { PacState } from './pac.js';
import type { SystemProxySource } from './platform.js';
import type { State } from './types.js';

export type SuggestedProxySource = SystemProxySource | 'desktop' | 'pac';

export interface SuggestedProxy {
  /** the URLs as the machine states them, credentials included: redact before showing (see `shown`) */
  httpProxy: string;
  httpsProxy: string;
  noProxy: string[];
  source: SuggestedProxySource;
  /** where it was read, for a person: "macOS network settings (scutil --proxy)" */
  label: string;
  /** the HTTPS proxy with its password masked, for display */
  shown: string;
  /** the proxy listens on this host's loopback (a local client, cntlm, px): dockerd and builders need the
   * host's address instead (the wizard's "proxy on this host" answer) */
  onHost: boolean;
  /** what a person should know about this suggestion (only HTTP was set, the PAC's fallbacks) */
  notes: string[];
}

function candidate(
  http: string | null,
  https: string | null,
  noProxy: string[],
  source: SuggestedProxySource,
  label: string,
  notes: string[] = [],
): SuggestedProxy | null {
  const h = http ?? https;
  const hs = https ?? http;
  if (!h || !hs) return null;
  const more = [...notes];
  if (!https) more.push('only an HTTP proxy is set; the same proxy is offered for HTTPS');
  if (!http) more.push('only an HTTPS proxy is set; the same proxy is offered for HTTP');
  return {
    httpProxy: h,
    httpsProxy: hs,
    noProxy,
    source,
    label,
    shown: redactValue(hs),
    onHost: proxyOnLoopback(hs),
    notes: more,
  };
}

function fromPac(pac: PacState): SuggestedProxy | null {
  const s = pac.static;
  if (pac.failure || !s.proxy) return null;
  const notes: string[] = [];
  if (s.otherProxy.length)
    notes.push(
      `the PAC file sends ${s.otherProxy.map((o) => `${o.host} through ${o.proxy}`).join(', ')}; one static proxy cannot follow that`,
    );
  const direct = pac.hosts.filter((h) => h.first?.kind === 'DIRECT' && h.steps.length > 1).map((h) => h.host);
  if (direct.length)
    notes.push(
      `the PAC file tries DIRECT first for ${direct.join(', ')} and the proxy only when that fails; they are in NO_PROXY`,
    );
  return candidate(s.proxy, s.proxy, s.noProxy, 'pac', `the PAC file ${pac.url} (from ${pac.source})`, notes);
}

/** Every proxy the machine states, most specific first; duplicates (same HTTPS proxy) kept once. */
export function proxySuggestions(state: State): SuggestedProxy[] {
  const out: (SuggestedProxy | null)[] = [];
  const sys = state.platform.systemProxies;
  for (const s of sys.filter((x) => x.source === 'env' || x.source === 'wsl-autoproxy'))
    out.push(candidate(s.http, s.https, s.noProxy, s.source, s.label));
  const d = state.platform.desktop?.settings?.effective;
  if (d?.mode === 'manual')
    out.push(candidate(d.http, d.https, d.exclude, 'desktop', `Docker Desktop settings (${d.from})`));
  for (const s of sys.filter((x) => x.source !== 'env' && x.source !== 'wsl-autoproxy'))
    out.push(candidate(s.http, s.https, s.noProxy, s.source, s.label));
  if (state.platform.pac) out.push(fromPac(state.platform.pac));
  const seen = new Set<string>();
  return out.filter((c): c is SuggestedProxy => {
    if (!c || seen.has(c.httpsProxy)) return false;
    seen.add(c.httpsProxy);
    return true;
  });
}

/** The wizard's default answer: the most specific proxy the machine states, or null when it states none. */
export function suggestedProxy(state: State): SuggestedProxy | null {
  return proxySuggestions(state)[0] ?? null;
}
