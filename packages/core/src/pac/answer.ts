// What a PAC file's FindProxyForURL answer means, and the static HTTP(S)_PROXY / NO_PROXY that Go tools need,
// because dockerd, BuildKit, the docker CLI and buildx read environment variables and cannot run a PAC file.
// The answer format is Netscape's: "PROXY host:port; SOCKS host:port; DIRECT", tried in order, the next one only
// when the one before cannot be reached (MDN, "Proxy Auto-Configuration (PAC) file", Return value format).

export type PacStepKind = 'DIRECT' | 'PROXY' | 'HTTP' | 'HTTPS' | 'SOCKS' | 'SOCKS4' | 'SOCKS5';

export interface PacStep {
  kind: PacStepKind;
  /** host:port for everything but DIRECT */
  server: string | null;
}

export interface ParsedPacAnswer {
  steps: PacStep[];
  /** parts that are not a PAC step ("PROXY" without a server, "FOO x:1", "system") */
  invalid: string[];
}

const KINDS = new Set<string>(['DIRECT', 'PROXY', 'HTTP', 'HTTPS', 'SOCKS', 'SOCKS4', 'SOCKS5']);
const SERVER = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+)(?::\d{1,5})?$/;
const MAX_STEPS = 32;

/** Parse "PROXY a:1; DIRECT" (case-insensitive keywords, any whitespace, empty parts ignored). */
export function parsePacAnswer(answer: string): ParsedPacAnswer {
  const steps: PacStep[] = [];
  const invalid: string[] = [];
  for (const raw of answer.slice(0, 4096).split(';')) {
    const part = raw.trim();
    if (!part) continue;
    if (steps.length + invalid.length >= MAX_STEPS) break;
    const [word = '', server, ...rest] = part.split(/\s+/);
    const kind = word.toUpperCase();
    if (!KINDS.has(kind) || rest.length > 0) invalid.push(part);
    else if (kind === 'DIRECT') {
      if (server) invalid.push(part);
      else steps.push({ kind: 'DIRECT', server: null });
    } else if (!server || !SERVER.test(server)) invalid.push(part);
    else steps.push({ kind: kind as PacStepKind, server });
  }
  return { steps, invalid };
}

/** The proxy URL a Go tool reads for one step: PROXY/HTTP → http://, HTTPS → https://, SOCKS/SOCKS5 → socks5://. */
export function stepProxyUrl(step: PacStep): string | null {
  if (!step.server) return null;
  if (step.kind === 'PROXY' || step.kind === 'HTTP') return `http://${step.server}`;
  if (step.kind === 'HTTPS') return `https://${step.server}`;
  if (step.kind === 'SOCKS' || step.kind === 'SOCKS5') return `socks5://${step.server}`;
  return null; // SOCKS4: Go's proxy support has no socks4://
}

/** The steps as a PAC answer in its canonical form: "PROXY a:8080; DIRECT". */
export function describeSteps(steps: PacStep[]): string {
  if (steps.length === 0) return 'nothing usable';
  return steps.map((s) => (s.kind === 'DIRECT' ? 'DIRECT' : `${s.kind} ${s.server}`)).join('; ');
}

/**
 * What a static setting loses from a list: a browser falls back from one entry to the next, Go tools never do.
 * Null when the answer has one step (nothing is lost).
 */
export function fallbackNote(steps: PacStep[]): string | null {
  if (steps.length < 2) return null;
  if (steps[0]!.kind === 'DIRECT')
    return `"${describeSteps(steps)}" means: try direct, and the proxy only when that fails. Go tools never fall back, so the static setting follows DIRECT; if direct connections are blocked where you build, use the proxy for these hosts instead`;
  return `"${describeSteps(steps)}" lists fallbacks a browser tries in order; Go tools never fall back, so the static setting uses the first`;
}

export interface PacHostChoice {
  host: string;
  /** the first step: what a static setting uses for this host */
  first: PacStep | null;
  proxyUrl: string | null;
  steps: PacStep[];
  invalid: string[];
}

export function hostChoice(host: string, answer: string): PacHostChoice {
  const { steps, invalid } = parsePacAnswer(answer);
  const first = steps[0] ?? null;
  return { host, first, proxyUrl: first ? stepProxyUrl(first) : null, steps, invalid };
}

export interface StaticProxy {
  /** the proxy the PAC file gives most of the proxied hosts (ties: the first host's) */
  proxy: string | null;
  /** hosts the PAC file sends DIRECT: the NO_PROXY entries Go tools need */
  noProxy: string[];
  /** hosts the PAC file sends through a different proxy than `proxy`: one static proxy cannot follow it */
  otherProxy: { host: string; proxy: string }[];
  /** hosts whose first choice Go cannot use (SOCKS4) */
  unusable: string[];
}

/** One static proxy and NO_PROXY that reproduce the PAC file's first choices for the hosts asked. */
export function staticFromChoices(choices: PacHostChoice[]): StaticProxy {
  const counts = new Map<string, number>();
  for (const c of choices) if (c.proxyUrl) counts.set(c.proxyUrl, (counts.get(c.proxyUrl) ?? 0) + 1);
  let proxy: string | null = null;
  for (const [url, n] of counts) if (proxy === null || n > counts.get(proxy)!) proxy = url;
  const noProxy: string[] = [];
  const otherProxy: StaticProxy['otherProxy'] = [];
  const unusable: string[] = [];
  for (const c of choices) {
    if (c.first?.kind === 'DIRECT') noProxy.push(c.host);
    else if (c.first && !c.proxyUrl) unusable.push(c.host);
    else if (c.proxyUrl && c.proxyUrl !== proxy) otherProxy.push({ host: c.host, proxy: c.proxyUrl });
  }
  return { proxy, noProxy, otherProxy, unusable };
}
