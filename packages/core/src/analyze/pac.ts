// The PAC file's answers as analysis reads them: each host's steps (parsed from what FindProxyForURL returned),
// and the one static proxy + NO_PROXY that Go tools can use instead. Pure: from evidence.pac only.
import type { PacEvidence } from '../evidence/pac.js';
import { type MsgRef, msg } from '../messages/ref.js';
import { hostChoice, type PacHostChoice, type StaticProxy, staticFromChoices } from '../pac/answer.js';
import type { State } from './types.js';

export interface PacHost extends PacHostChoice {
  url: string;
  /** what the script returned, as it returned it */
  answer: string | null;
  /** why there is no usable answer: the script failed, or returned something that is not a PAC answer */
  problem: string | null;
  /** the problem as a typed message */
  problemMsg: MsgRef | null;
}

export interface PacState {
  url: string;
  source: string;
  fetch: PacEvidence['fetch'];
  /** why nothing was evaluated: the fetch failed, or the script did not load */
  failure: string | null;
  /** the failure as a typed message */
  failureMsg: MsgRef | null;
  hosts: PacHost[];
  static: StaticProxy;
}

/** What a failed fetch means for a person. */
export function fetchFailure(p: PacEvidence): string | null {
  const f = p.fetch;
  const detail = f.detail ? ` (${f.detail})` : '';
  switch (f.result) {
    case 'ok':
      return p.error;
    case 'timeout':
      return `it did not answer within ${f.ms} ms — PAC servers are often reachable only on the VPN or the office network`;
    case 'status':
      return `it answered HTTP ${f.status ?? '?'}${detail}, not the file`;
    case 'too-large':
      return `it is larger than the ${f.bytes} bytes a PAC file may be here, so it was not run`;
    case 'scheme':
      return `it is not an http(s) URL${detail}; buildproxy fetches PAC files only over http and https`;
    case 'dns':
      return `its host name does not resolve${detail} — off the VPN, or a WPAD name that only the office DNS knows`;
    case 'refused':
      return `the connection was refused${detail}`;
    default:
      return `fetching it failed${detail}`;
  }
}

/** fetchFailure as a typed message. */
export function fetchFailureMsg(p: PacEvidence): MsgRef | null {
  const f = p.fetch;
  if (f.result === 'ok') return p.error === null ? null : msg('pac.error', { error: p.error });
  return msg('pac.fetch', {
    result: f.result,
    detail: f.detail ? f.detail : null,
    ms: String(f.ms),
    status: String(f.status ?? '?'),
    bytes: String(f.bytes),
  });
}

export function analyzePac(p: PacEvidence | undefined): PacState | null {
  if (!p) return null;
  const hosts: PacHost[] = p.answers.map((a) => {
    const c = hostChoice(a.host, a.answer ?? '');
    const problem =
      a.error ??
      (c.steps.length === 0
        ? `returned ${JSON.stringify(a.answer ?? '')}, which is not a PAC answer ("PROXY host:port", "DIRECT")`
        : null);
    const problemMsg =
      a.error !== null && a.error !== undefined
        ? msg('pac.error', { error: a.error })
        : c.steps.length === 0
          ? msg('pac.not-an-answer', { answer: JSON.stringify(a.answer ?? '') })
          : null;
    return { ...c, url: a.url, answer: a.answer, problem, problemMsg };
  });
  return {
    url: p.url,
    source: p.source,
    fetch: p.fetch,
    failure: fetchFailure(p),
    failureMsg: fetchFailureMsg(p),
    hosts,
    static: staticFromChoices(hosts.filter((h) => h.problem === null)),
  };
}

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
