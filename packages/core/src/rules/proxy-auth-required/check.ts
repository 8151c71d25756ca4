import { msg } from '../../messages/ref.js';
import { redactValue } from '../../proxy/redact.js';
import { hostport, NETWORK_EVIDENCE, perActor, proxyRoutes } from '../network.js';
import type { FindingDraft, Rule } from '../types.js';

const GO_CANNOT = new Set(['ntlm', 'negotiate', 'digest', 'kerberos']);

export const proxyAuthRequired: Rule = {
  id: 'proxy-auth-required',
  title: 'The proxy requires authentication the actor does not have',
  severity: 'error',
  actor: 'runtime',
  summary:
    'The proxy answered CONNECT with 407 Proxy Authentication Required. Go (dockerd, buildkitd, buildx) can send only Basic credentials from the proxy URL; for NTLM or Negotiate a local authenticating relay (cntlm) is needed.',
  targets: ['cntlm-relay'],
  references: [
    {
      title: 'golang/go#22288: NTLM proxy authentication for net/http (not accepted)',
      url: 'https://github.com/golang/go/issues/22288',
    },
    { title: 'cntlm(1): an NTLM authenticating proxy', url: 'https://manpages.debian.org/cntlm' },
  ],
  check(state) {
    const out: FindingDraft[] = [];
    const hits = perActor(proxyRoutes(state), (h) => h.connect.result === 'auth');
    for (const [actor, { route, host }] of hits) {
      const schemes = host.connect.schemes;
      const list = schemes.length ? schemes.join(', ') : 'no scheme named';
      const basic = schemes.some((s) => s.toLowerCase() === 'basic');
      const proxy = redactValue(route.proxy!);
      const head = `${state.actors[actor].label}: ${proxy} answers 407 to CONNECT ${hostport(host)} (offers ${list})`;
      let message: string;
      if (basic && route.credentials)
        message = `${head}; it rejects the user and password in the URL: check them, and percent-encode @ : % # / in them`;
      else if (basic)
        message = `${head}; put user:password (percent-encoded) in the proxy URL, e.g. http://USER:PASS@host:port`;
      else if (schemes.some((s) => GO_CANNOT.has(s.toLowerCase())))
        message = `${head}; Go's HTTP client sends only Basic credentials, so this actor can never authenticate: run a local cntlm relay (target cntlm-relay) and point the actors at it`;
      else message = `${head}; no scheme this actor can use is offered`;
      const advice =
        basic && route.credentials
          ? 'rejected'
          : basic
            ? 'basic'
            : schemes.some((s) => GO_CANNOT.has(s.toLowerCase()))
              ? 'go-cannot'
              : 'none';
      out.push({
        actor,
        message,
        msg: msg('proxy-auth-required.407', {
          actor: state.actors[actor].label,
          proxy,
          host: hostport(host),
          schemes,
          advice,
        }),
        evidence: [NETWORK_EVIDENCE],
      });
    }
    return out;
  },
};
