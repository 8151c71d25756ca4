// A proxy's answer to CONNECT: the status line and headers (RFC 9112), the Proxy-Authenticate schemes of a 407
// (RFC 9110 §11.7.1), and which product the answer names. Linear scans over a capped input.

export const MAX_HEAD = 16 * 1024;

export type ProxyAnswer =
  | { kind: 'head'; status: number; reason: string; headers: [string, string][]; rest: string }
  /** more bytes are needed to finish the head (it is shorter than MAX_HEAD and has no blank line yet) */
  | { kind: 'incomplete' }
  /** not an HTTP/1.x answer, or a head over MAX_HEAD */
  | { kind: 'not-http'; why: string };

const STATUS = /^HTTP\/1\.[01] (\d{3})(?: ([^\r\n]*))?$/;

/** Parse the bytes received so far (latin1: one char per byte). */
export function parseProxyAnswer(text: string): ProxyAnswer {
  const prefix = 'HTTP/1.';
  const n = Math.min(text.length, prefix.length);
  if (text.slice(0, n) !== prefix.slice(0, n)) return { kind: 'not-http', why: 'the answer is not HTTP/1.x' };
  let end = text.indexOf('\r\n\r\n');
  let sep = 4;
  if (end === -1 || end > MAX_HEAD) {
    // a bare-LF head (some appliances) counts too
    const lf = text.indexOf('\n\n');
    if (lf !== -1 && lf <= MAX_HEAD && (end === -1 || lf < end)) {
      end = lf;
      sep = 2;
    }
  }
  if (end === -1 || end > MAX_HEAD)
    return text.length > MAX_HEAD
      ? { kind: 'not-http', why: 'the answer head is over 16 KiB' }
      : { kind: 'incomplete' };
  const lines = text.slice(0, end).split(/\r?\n/);
  const m = STATUS.exec(lines[0] ?? '');
  if (!m) return { kind: 'not-http', why: 'the status line is malformed' };
  const headers: [string, string][] = [];
  for (const line of lines.slice(1)) {
    const c = line.indexOf(':');
    if (c <= 0) continue;
    headers.push([line.slice(0, c).trim().toLowerCase(), line.slice(c + 1).trim()]);
  }
  return { kind: 'head', status: Number(m[1]), reason: m[2] ?? '', headers, rest: text.slice(end + sep) };
}

/**
 * The auth schemes a 407 offers, in order, without duplicates: each Proxy-Authenticate header can hold several
 * challenges ("Negotiate, NTLM", or `Basic realm="a, b", Digest realm="x"`); a scheme is a token that starts a
 * challenge: at the start or after a comma, not inside quotes, and not followed by "=" (that is a parameter).
 */
export function authSchemes(headers: [string, string][]): string[] {
  const out: string[] = [];
  for (const [name, value] of headers) {
    if (name !== 'proxy-authenticate') continue;
    let i = 0;
    let quoted = false;
    let atStart = true;
    while (i < value.length) {
      const c = value[i]!;
      if (quoted) {
        if (c === '\\') i++;
        else if (c === '"') quoted = false;
        i++;
        continue;
      }
      if (c === '"') {
        quoted = true;
        i++;
        continue;
      }
      if (c === ',') {
        atStart = true;
        i++;
        continue;
      }
      if (c === ' ' || c === '\t') {
        i++;
        continue;
      }
      let j = i;
      while (j < value.length && /[A-Za-z0-9!#$%&'*+.^_`|~-]/.test(value[j]!)) j++;
      if (j === i) {
        i++;
        continue;
      }
      const token = value.slice(i, j);
      let k = j;
      while (value[k] === ' ' || value[k] === '\t') k++;
      if (atStart && value[k] !== '=' && !out.some((s) => s.toLowerCase() === token.toLowerCase()))
        out.push(token);
      atStart = false;
      i = j;
    }
  }
  return out;
}

// Names the answers of common proxies and inspection gateways carry: their Server/Via headers and block pages.
const PRODUCTS: [RegExp, string][] = [
  [/zscaler/i, 'Zscaler'],
  [/netskope/i, 'Netskope'],
  [/blue ?coat|proxysg/i, 'Blue Coat ProxySG'],
  [/forcepoint|websense/i, 'Forcepoint'],
  [/fortigate|fortinet|fortiguard/i, 'Fortinet FortiGate'],
  [/palo ?alto|pan-os/i, 'Palo Alto Networks'],
  [/mcafee web gateway|skyhigh/i, 'Skyhigh (McAfee) Web Gateway'],
  [/cisco|ironport|\bwsa\b/i, 'Cisco Secure Web Appliance'],
  [/sophos/i, 'Sophos'],
  [/kaspersky/i, 'Kaspersky'],
  [/squid/i, 'squid'],
  [/tinyproxy/i, 'tinyproxy'],
  [/privoxy/i, 'Privoxy'],
  [/cntlm/i, 'cntlm'],
  [/nginx/i, 'nginx'],
  [/apache/i, 'Apache httpd'],
  [/envoy/i, 'Envoy'],
  [/haproxy/i, 'HAProxy'],
];

/** The product the answer names: headers first (server, via, x-squid-error, proxy-agent), then the body. */
export function productOf(headers: [string, string][], body: string): string | null {
  const named = headers
    .filter(
      ([n]) =>
        n === 'server' ||
        n === 'via' ||
        n === 'proxy-agent' ||
        n.startsWith('x-squid') ||
        n.startsWith('x-zscaler'),
    )
    .map(([n, v]) => `${n}: ${v}`)
    .join('\n');
  for (const text of [named, body.slice(0, 4096)]) {
    for (const [re, name] of PRODUCTS) if (re.test(text)) return name;
  }
  return null;
}

/** An Authorization or Proxy-Authorization header a proxy echoed back (some block pages quote the request): its
 * credentials lose every letter and digit, as a masked password does. */
export function maskAuthHeaders(text: string): string {
  return text.replace(
    /((?:proxy-)?authorization[ \t]*:[ \t]*)([^\r\n]*)/gi,
    (_m, head: string, v: string) => {
      return head + v.replace(/[A-Za-z0-9+/=._~-]/g, '*');
    },
  );
}
