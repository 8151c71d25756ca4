// The PAC part of an evidence bundle: the proxy auto-config file the machine names (system proxy, Docker Desktop,
// WSL), how fetching it went, and what its FindProxyForURL answered for each host a build needs. Types only.
// Evaluated at capture time (node/pac), in a QuickJS sandbox; analysis and replay read only these answers.

/** How fetching the PAC file went. */
export type PacFetchResult =
  | 'ok'
  /** no answer within the timeout (the file is often reachable only on the VPN) */
  | 'timeout'
  /** an HTTP status other than 200 */
  | 'status'
  /** larger than the cap: not evaluated */
  | 'too-large'
  /** not an http(s) URL (file://, data:, a redirect elsewhere): not fetched */
  | 'scheme'
  | 'dns'
  | 'refused'
  | 'error';

/** What FindProxyForURL(url, host) answered for one host, as the script returned it. */
export interface PacAnswer {
  host: string;
  url: string;
  /** the returned string, capped at 512 characters; null when evaluation failed or returned a non-string */
  answer: string | null;
  /** why there is no answer: the script threw, ran out of time or memory, returned a non-string */
  error: string | null;
}

export interface PacEvidence {
  /** the PAC URL, passwords masked */
  url: string;
  /** where the URL was read, for a person: "macOS network settings (scutil --proxy)" */
  source: string;
  fetch: {
    result: PacFetchResult;
    status: number | null;
    bytes: number;
    ms: number;
    detail?: string;
  };
  /** why no host could be evaluated at all (syntax error, no FindProxyForURL, the top level looping); null: ran */
  error: string | null;
  answers: PacAnswer[];
  /** the names the script resolved (dnsResolve, isInNet, isResolvable) and what the bounded resolver answered */
  dns: Record<string, string | null>;
  /** what myIpAddress() returned */
  myIp: string | null;
}
