// doctor --network for people: each route (a proxy, then direct), the dial, and per host what the proxy answered
// and what the TLS handshake showed. Every value that came from the network is made safe for the terminal.
import { type NetworkEvidence, redactAll, safeForTerminal } from '@buildproxy/core';
import type { Style } from './style.js';

const safe = (s: string) => safeForTerminal(redactAll(s));

function hostLine(h: NetworkEvidence['routes'][number]['hosts'][number], st: Style): string {
  const c = h.connect;
  const name = h.port === 443 ? h.host : `${h.host}:${h.port}`;
  const who = h.actors.length ? st.dim(` (${h.actors.join(', ')})`) : '';
  let what: string;
  if (c.result === 'ok') {
    const t = h.tls;
    if (!t) what = st.green(c.status === null ? 'connects' : `${c.status}`);
    else if (t.result === 'trusted') what = st.green(`${c.status ?? 'connects'}, TLS ok`);
    else if (t.result === 'untrusted')
      what =
        st.red(`${c.status ?? 'connects'}, TLS inspected: signed by "${safe(t.issuer ?? '?')}"`) +
        st.dim(
          ` host store: ${t.hostTrusts === null ? 'unknown' : t.hostTrusts ? 'trusts it' : 'does not trust it'}`,
        );
    else
      what = st.yellow(`${c.status ?? 'connects'}, TLS ${t.result}${t.error ? ` (${safe(t.error)})` : ''}`);
  } else {
    const extra = [
      c.status !== null ? String(c.status) : null,
      c.schemes.length ? `offers ${safe(c.schemes.join(', '))}` : null,
      c.product ? `from ${safe(c.product)}` : null,
      c.detail ? safe(c.detail) : null,
    ].filter(Boolean);
    what = (c.result === 'skipped' ? st.dim : st.red)(
      `${c.result}${extra.length ? ` — ${extra.join(', ')}` : ''}`,
    );
  }
  return `    ${safe(name)}${who}: ${what} ${st.dim(`${c.ms + (h.tls?.ms ?? 0)} ms`)}`;
}

export function renderNetwork(n: NetworkEvidence, st: Style): string {
  const out = [st.bold('Network (doctor --network)')];
  for (const r of n.routes) {
    if (r.proxy === null) out.push(`  direct ${st.dim(`(timeout ${n.directTimeoutMs} ms)`)}`);
    else {
      const who = [...r.actors, ...(r.intended ? ['the proxy you gave'] : [])].join(', ');
      const dial = r.dial
        ? r.dial.result === 'ok'
          ? st.green(`answers in ${r.dial.ms} ms`)
          : st.red(`${r.dial.result}${r.dial.detail ? ` (${safe(r.dial.detail)})` : ''}`)
        : '';
      out.push(`  via ${safe(r.proxy)} ${st.dim(`(${who || 'no actor'})`)}: ${dial}`);
    }
    for (const h of r.hosts) out.push(hostLine(h, st));
  }
  return `${out.join('\n')}\n\n`;
}
