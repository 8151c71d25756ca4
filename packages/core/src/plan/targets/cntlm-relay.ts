// cntlm-relay: a local NTLM-authenticating relay (Debian's cntlm) for a proxy that offers only NTLM or Negotiate,
// which Go cannot answer. It listens only on loopback and the docker bridge gateway and lets only those networks
// in — never an open relay carrying the user's corporate credentials — and keeps a PassNTLMv2 hash, not a password.
import { CNTLM_CONF } from '../../evidence/canonical.js';
import { shQuote } from '../../formats/encode.js';
import { parseProxyUrl } from '../../proxy/url.js';
import type { Target } from '../../targets.js';
import { change, HEADER, ok, type PlanContext, refuse, type TargetDefinition } from '../context.js';
import { exactly } from '../declare.js';
import { sentence } from '../sentences.js';
import type { TargetResult } from '../types.js';

export const RELAY_PORT = 3128;
const DEFAULT_BRIDGE = '172.17.0.1';
/** How far past 3128 to look for a free port: a host with a hundred listeners in a row there is not plausible. */
const PORT_SEARCH = 100;

/**
 * The relay's port. A cntlm.conf buildproxy wrote keeps its port: re-planning must not move a running relay the
 * actors already point at. Otherwise cntlm's usual 3128, unless something already listens there on loopback, the
 * bridge or every address (a local squid or proxy client often holds 3128: cntlm would fail to bind and the
 * actors would reach that other proxy instead), then the next free port.
 */
function relayPort(ctx: PlanContext, bridge: string): number {
  const existing = ctx.read(CNTLM_CONF);
  if (existing?.startsWith(HEADER)) {
    const m = /^Listen[ \t]+127\.0\.0\.1:(\d{1,5})[ \t]*$/m.exec(existing);
    if (m && Number(m[1]) > 0 && Number(m[1]) < 65536) return Number(m[1]);
  }
  const here = new Set(['127.0.0.1', '0.0.0.0', '::', '::ffff:127.0.0.1', bridge, `::ffff:${bridge}`]);
  const held = new Set(
    (ctx.state.hostNet?.listeners ?? []).filter((l) => here.has(l.addr)).map((l) => l.port),
  );
  for (let p = RELAY_PORT; p < RELAY_PORT + PORT_SEARCH; p++) if (!held.has(p)) return p;
  return RELAY_PORT;
}

/** "172.17.0.1" → "172.17.0.0/16": docker0's default size; a --bip with another mask is kept as /16 too (wider
 * is never needed: the Allow line is the only door). */
function subnet16(ip: string): string {
  const p = ip.split('.');
  return `${p[0]}.${p[1]}.0.0/16`;
}

function cntlmRelay(ctx: PlanContext, target: Target): TargetResult {
  const upstream = parseProxyUrl(ctx.proxy.https);
  if (!upstream.ok) return refuse(`the proxy URL cannot be read: ${upstream.problem.message}`);
  const u = upstream.url;
  if (/^(127\.|localhost$|::1$)/.test(u.host)) return refuse(sentence('cntlm-relay.proxy-already-host-give'));
  const bridge = ctx.state.hostNet?.bridge ?? DEFAULT_BRIDGE;
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(bridge)) return refuse(`the docker bridge address ${bridge} is not IPv4`);
  // DOMAIN\user in the URL (percent-encoded as %5C) names both; otherwise placeholders to fill in.
  let raw = u.username ?? '';
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // keep it as written: safe() below replaces what cntlm.conf cannot hold
  }
  const slash = raw.indexOf('\\');
  const domain = slash > 0 ? raw.slice(0, slash) : 'DOMAIN';
  const user = (slash > 0 ? raw.slice(slash + 1) : raw) || 'USER';
  const safe = (s: string) => s.replace(/[^\w.@-]/g, '_');
  const host = u.host.includes(':') ? `[${u.host}]` : u.host;
  const port = relayPort(ctx, bridge);
  const noProxy = ctx.proxy.noProxy.filter((e) => /^[\w.*:-]+$/.test(e)).join(', ');
  const after = `${HEADER}
# A local NTLM relay: the corporate proxy wants NTLM/Negotiate, which Go (dockerd, buildkitd, buildx) cannot do.
Username    ${safe(user)}
Domain      ${safe(domain)}
# Fill in the hash, never the password: run  cntlm -H -u ${safe(user)} -d ${safe(domain)}  and paste its
# PassNTLMv2 line below (this file is 0600).
#PassNTLMv2  <paste the hash here>
Proxy       ${host}:${u.effectivePort}
NoProxy     ${noProxy || 'localhost, 127.0.0.1'}
# Only this host and its containers, never the network: loopback and the docker bridge gateway.
Listen      127.0.0.1:${port}
Listen      ${bridge}:${port}
Allow       127.0.0.1
Allow       ${subnet16(bridge)}
Deny        0/0
# dockerd 20.10 pings registries with "Connection: close"; passed on, the proxy answers the NTLM negotiate with a
# bare 407 (NTLM needs the connection kept open). Seen with squid and cntlm in buildproxy's e2e suite.
Header      Connection: keep-alive
`;
  const relay = `http://${bridge}:${port}`;
  return ok(
    [
      change(ctx, {
        path: CNTLM_CONF,
        mode: '0600',
        needsRoot: true,
        after,
        target,
        why: sentence('cntlm-relay.cntlm-relays-corporate-proxy'),
      }),
    ],
    [
      {
        argv: ['apt-get', 'install', '-y', 'cntlm'],
        why: sentence('cntlm-relay.debian-s-cntlm-package'),
        needsRoot: true,
        disruptive: false,
        target,
      },
      {
        argv: ['systemctl', 'restart', 'cntlm'],
        why: sentence('cntlm-relay.start-relay-configuration-after'),
        needsRoot: true,
        disruptive: false,
        target,
      },
    ],
    [
      {
        title: sentence('cntlm-relay.make-hash-then-point'),
        language: 'sh',
        target,
        text: `sudo cntlm -H -u ${shQuote(safe(user))} -d ${shQuote(safe(domain))}   # asks for the password, prints PassNTLMv2
sudoedit ${CNTLM_CONF}                  # paste the PassNTLMv2 line in place of #PassNTLMv2
sudo systemctl restart cntlm
buildproxy doctor --network --proxy ${relay}
buildproxy plan --proxy ${relay}         # the bridge gateway: reachable from the host and from containers`,
      },
    ],
  );
}

export const cntlmRelayTarget: TargetDefinition<'cntlm-relay'> = {
  id: 'cntlm-relay',
  generate: cntlmRelay,
  declares: {
    files: [{ path: CNTLM_CONF, mode: '0600', credential: true }],
    commands: [exactly('apt-get', 'install', '-y', 'cntlm'), exactly('systemctl', 'restart', 'cntlm')],
  },
};
