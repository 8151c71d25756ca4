import { analyze, redactAll, resolveProfile, routeUrl } from '@buildproxy/core';
import { EVIDENCE, PROFILE, parse } from '../args.js';
import { UsageError } from '../errors.js';
import { getEvidence } from '../evidence-source.js';
import type { Io } from '../io.js';
import { profileFromFlags } from '../profile-flags.js';

export const ROUTE_HELP = `Usage: buildproxy route URL [options]

For each actor, whether a request to URL goes direct, through which proxy, or fails, and why.
Go's rules (net/http, Go 1.24; Go 1.19 for a dockerd before 23.0) for client, runtime and builder;
curl's rules for RUN steps. Any scheme: ssh:// and git:// never use an HTTP proxy.
With profile flags (--proxy, --no-proxy …) it answers for that configuration instead of the machine's.

Options:
  --json               print {url, actors: {client: {verdict, proxy, dial, error?, reason, semantics}, …}}
                       verdict: proxy | direct | error | unknown; dial: the host:port Go really connects to
  --from FILE | --root DIR | --timeout MS | --probes MODE   where the evidence comes from (as for doctor)
  --proxy URL  --http-proxy URL  --https-proxy URL  --no-proxy LIST
  --no-color

Example: buildproxy route https://registry.corp:5000/v2/
`;

export async function route(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    'route',
    argv,
    { ...EVIDENCE, ...PROFILE, json: { type: 'boolean' } },
    1,
  );
  if (values.help) {
    io.out(ROUTE_HELP);
    return 0;
  }
  const url = positionals[0];
  if (!url)
    throw new UsageError('route needs a URL', 'example: buildproxy route https://registry-1.docker.io/v2/');
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith(':')) {
    throw new UsageError(
      `"${url}" has no scheme (https://, http://, ssh:// …)`,
      'example: buildproxy route https://registry.corp:5000/v2/',
    );
  }
  checkUrl(url);
  const input = await profileFromFlags(values);
  const state = analyze(await getEvidence(values));
  const profile = resolveProfile(input, state.layers, state.client);
  const r = routeUrl(state, profile, url);
  if (values.json) {
    const actors = Object.fromEntries(
      Object.entries(r.actors).map(([k, a]) => [
        k,
        {
          verdict: a.verdict,
          proxy: a.proxy,
          dial: a.dial,
          ...(a.mangled ? { mangled: true } : {}),
          ...(a.error ? { error: a.error } : {}),
          reason: a.reason,
          semantics: a.go ? `go ${a.go}` : a.semantics,
        },
      ]),
    );
    io.out(`${JSON.stringify({ url: redactAll(r.url), actors }, null, 2)}\n`);
    return 0;
  }
  const st = io.style(values['no-color'] === true);
  io.out(`${st.bold(redactAll(url))}\n`);
  for (const [actor, a] of Object.entries(r.actors)) {
    const target =
      a.verdict === 'proxy'
        ? `via ${a.proxy}${a.mangled ? ` → dials ${a.dial}` : ''}`
        : a.verdict === 'unknown'
          ? st.dim('unknown')
          : a.verdict;
    const reason = a.error ? `${a.reason}: ${a.error}` : a.reason;
    io.out(`  ${st.bold(actor.padEnd(8))} ${target.padEnd(36)} ${st.dim(reason)}\n`);
  }
  return 0;
}

/** Longer than any URL a registry or a git host answers; beyond it the request line would be refused anyway. */
const MAX_URL = 16 * 1024;

/**
 * Bad input is named before any probe runs (exit 2): a URL past MAX_URL, an IPv6 host without its "]", a port
 * outside 1–65535 (Go's url.Parse takes any digits there; only the dial fails).
 */
function checkUrl(url: string): void {
  if (url.length > MAX_URL)
    throw new UsageError(
      `the URL is ${url.length} characters long; buildproxy route takes at most ${MAX_URL}`,
      'fix: give the URL the build really fetches',
    );
  const start = url.indexOf('://');
  if (start === -1) return;
  let end = url.length;
  for (const c of ['/', '?', '#']) {
    const i = url.indexOf(c, start + 3);
    if (i !== -1 && i < end) end = i;
  }
  const authority = url.slice(start + 3, end);
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host.startsWith('[') && !host.includes(']'))
    throw new UsageError(
      `the URL's IPv6 address is missing its closing "]": ${url}`,
      'fix: write it as https://[2001:db8::1]:5000/v2/',
    );
  const colon = host.lastIndexOf(':');
  const port = colon > host.lastIndexOf(']') ? host.slice(colon + 1) : '';
  if (port !== '' && /^\d+$/.test(port) && (Number(port) < 1 || Number(port) > 65535))
    throw new UsageError(`the URL's port ${port} is out of range`, 'fix: use a port between 1 and 65535');
}
