// The network part of an evidence bundle (`doctor --network`): what asking the proxies and the registries answered.
// Types only. Everything here is recorded redacted: proxy URLs without passwords, answers capped and masked.

/** How a TCP connection (to a proxy, or direct to a host) went. */
export type DialResult = 'ok' | 'refused' | 'timeout' | 'dns' | 'unreachable' | 'reset' | 'error';

/**
 * What the proxy answered to `CONNECT host:port`: 200 (ok), 407 (auth), 403 (forbidden), 502/503/504
 * (bad-gateway), another status, the connection closed without an answer, something that is not an HTTP
 * answer (not-proxy), or the dial to the proxy failed (the DialResult). Direct probes record the dial only.
 */
export type ConnectResult =
  | DialResult
  | 'auth'
  | 'forbidden'
  | 'bad-gateway'
  | 'status'
  | 'closed'
  | 'not-proxy'
  | 'skipped';

export interface ConnectProbe {
  result: ConnectResult;
  /** the HTTP status of the proxy's answer, null when there was none */
  status: number | null;
  /** Proxy-Authenticate schemes of a 407, as sent (Basic, NTLM, Negotiate, Digest…) */
  schemes: string[];
  /** the product the answer names (Server/Via/X-Squid-Error headers or the body): "squid", "Zscaler"… */
  product: string | null;
  /** the start of the answer (status line, headers, body), capped at 2 KiB, passwords masked */
  excerpt: string;
  ms: number;
  /** why a dial failed, or why the probe was skipped (the error code or a short sentence) */
  detail?: string;
}

export interface CertSummary {
  subject: string;
  issuer: string;
  /** SHA-256 fingerprint, colon-separated hex, as Node prints it */
  fingerprint256: string;
}

export interface TlsProbe {
  /**
   * trusted: the chain verifies against Node's bundled public roots; untrusted: it does not (a TLS-inspecting
   * proxy when the host is a public registry); the handshake timed out, was closed, or failed otherwise.
   */
  result: 'trusted' | 'untrusted' | 'timeout' | 'closed' | 'error';
  /** Node's verification error, e.g. SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_GET_ISSUER_CERT_LOCALLY */
  error: string | null;
  /** the issuer of the top-most certificate sent: who signed the chain */
  issuer: string | null;
  /** the chain as sent, leaf first (at most 8) */
  chain: CertSummary[];
  /** the top-most certificate sent, PEM (saved with --save-ca) — only when untrusted */
  caPem: string | null;
  /** does this host's CA bundle (/etc/ssl/certs…) issue or contain that top-most certificate; null: unknown */
  hostTrusts: boolean | null;
  /** does /etc/docker/certs.d/<host[:port]>/*.crt (dockerd's per-registry CAs) cover it; null: unknown */
  certsDTrusts: boolean | null;
  ms: number;
}

export interface HostProbe {
  host: string;
  port: number;
  /** the actors whose request to https://host:port/ takes this route (Go's choice; RUN steps: curl's) */
  actors: string[];
  connect: ConnectProbe;
  /** the handshake through the tunnel (or direct); null when the connect step did not succeed */
  tls: TlsProbe | null;
}

export interface NetworkRoute {
  /** the proxy URL, password masked; null: the direct route */
  proxy: string | null;
  /** actors that use this proxy for at least one needed host; "intended" marks the proxy the user gave */
  actors: string[];
  intended: boolean;
  /** a username was in the URL, so the probe sent Basic credentials to this proxy (and only to it) */
  credentials: boolean;
  /** the TCP connection to the proxy itself; null for the direct route */
  dial: { result: DialResult; ms: number; detail?: string } | null;
  hosts: HostProbe[];
}

export interface NetworkEvidence {
  /** the timeout of each proxy probe, and of each direct one */
  timeoutMs: number;
  directTimeoutMs: number;
  routes: NetworkRoute[];
}
