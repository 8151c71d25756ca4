import type { Actor, State } from '../../analyze/types.js';
import type { TlsProbe } from '../../evidence/network.js';
import { msg } from '../../messages/ref.js';
import { hostport, NETWORK_EVIDENCE, perActor } from '../network.js';
import type { FindingDraft, Rule } from '../types.js';

/** buildkitd.toml `ca` for this registry (docker.io for Docker Hub's hosts), in a file or in the builder's own. */
function tomlCa(state: State, host: string): boolean {
  const key = host.endsWith('docker.io') || host.endsWith('docker.com') ? 'docker.io' : host;
  if (state.buildkitd.tomls.some((t) => (t.registries[key]?.ca.length ?? 0) > 0)) return true;
  return [state.buildBuilder, state.buildxBuilder].some((b) =>
    b?.nodes.some((n) => /\bca\s*=/.test(n.buildkitdConfig ?? '')),
  );
}

/** Whether an actor trusts the issuer: null when the doctor cannot know (then it says so, as a warning). */
export function actorTrusts(state: State, actor: Actor, tls: TlsProbe, host: string): boolean | null {
  const hostStore = tls.hostTrusts === true;
  if (actor === 'client') return tls.hostTrusts;
  if (actor === 'runtime') return hostStore || tls.certsDTrusts === true ? true : tls.hostTrusts;
  if (actor === 'run') return state.dockerfile ? state.dockerfile.caInstall !== null : null;
  switch (state.builderKind) {
    case 'dockerd':
      return hostStore || tls.certsDTrusts === true ? true : tls.hostTrusts;
    case 'buildkitd':
      return hostStore || tomlCa(state, host);
    case 'docker-container':
    case 'kubernetes':
    case 'remote':
      // the moby/buildkit image carries only the public roots: the toml's ca is what adds a corporate CA
      return tomlCa(state, host);
    default:
      return null;
  }
}

const WHERE: Record<Actor, string> = {
  client: 'the host CA store',
  runtime: 'the host CA store or /etc/docker/certs.d',
  builder: "the builder's store or its buildkitd.toml ca",
  run: "the image's CA store",
};

export const tlsInspectionUntrusted: Rule = {
  id: 'tls-inspection-untrusted',
  title: 'A TLS-inspecting proxy re-signs traffic with a CA this actor does not trust',
  severity: 'error',
  actor: 'builder',
  summary:
    'doctor --network completed a TLS handshake with the registry through the proxy, and the chain did not verify against the public roots: the proxy inspects TLS and signs with its own CA. Each actor with its own trust store fails with x509: certificate signed by unknown authority until it trusts that CA.',
  targets: ['ca-trust', 'buildkitd-toml', 'buildx-docker-container'],
  references: [
    {
      title: 'Docker docs: Use CA certificates with Docker',
      url: 'https://docs.docker.com/engine/network/ca-certs/',
    },
    {
      title: 'moby/buildkit#4725: x509 from an inspecting proxy for auth.docker.io',
      url: 'https://github.com/moby/buildkit/issues/4725',
    },
  ],
  check(state) {
    const out: FindingDraft[] = [];
    const hits = perActor(state.network?.routes ?? [], (h) => h.tls?.result === 'untrusted');
    for (const [actor, { host }] of hits) {
      const tls = host.tls!;
      const trusts = actorTrusts(state, actor, tls, host.host);
      if (trusts === true) continue;
      const issuer = tls.issuer ?? 'an unknown issuer';
      out.push({
        actor,
        severity: trusts === null ? 'warning' : 'error',
        message: `${state.actors[actor].label}: ${hostport(host)} is signed by "${issuer}" (${tls.error ?? 'not a public root'}), which ${WHERE[actor]} ${trusts === null ? 'may not hold (the doctor cannot look there)' : 'does not hold'}; save it with --save-ca FILE and plan with --ca-cert FILE`,
        msg: msg('tls-inspection-untrusted.untrusted', {
          actor: state.actors[actor].label,
          host: hostport(host),
          issuer: tls.issuer,
          error: tls.error ?? null,
          where: actor,
          known: trusts !== null,
        }),
        evidence: [NETWORK_EVIDENCE],
      });
    }
    return out;
  },
};
