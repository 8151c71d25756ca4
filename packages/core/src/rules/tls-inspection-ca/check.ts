import type { Actor } from '../../analyze/types.js';
import { msg } from '../../messages/ref.js';
import type { FindingDraft, Rule } from '../types.js';

export const tlsInspectionCa: Rule = {
  id: 'tls-inspection-ca',
  title: 'The corporate CA is not trusted by every actor',
  severity: 'warning',
  actor: 'builder',
  summary:
    'A TLS-inspecting proxy re-signs traffic with a corporate CA; each actor has its own trust store and fails with x509: certificate signed by unknown authority until it trusts it.',
  targets: ['ca-trust', 'buildx-docker-container', 'buildkitd-toml'],
  references: [
    {
      title: 'Docker docs: Use CA certificates with Docker',
      url: 'https://docs.docker.com/engine/network/ca-certs/',
    },
    {
      title: 'moby/buildkit#4149: registry ca in buildkitd.toml',
      url: 'https://github.com/moby/buildkit/issues/4149',
    },
  ],
  check(state, profile) {
    const ca = profile.caCert;
    if (!ca) return [];
    const out: FindingDraft[] = [];
    const hostTrusts =
      state.hostCaInstalled ||
      !!state.network?.routes.some((r) =>
        r.hosts.some((h) => h.tls?.result === 'untrusted' && h.tls.hostTrusts),
      );
    // client, dockerd (and its docker-driver builder), a host buildkitd: the host store.
    if (!hostTrusts) {
      const who: Actor = state.docker.daemon === 'absent' ? 'client' : 'runtime';
      out.push({
        actor: who,
        message: `the host CA store is not known to hold ${ca}: the client's token fetch${state.docker.daemon === 'absent' ? '' : ', dockerd'}${state.builderKind === 'buildkitd' ? ' and buildkitd' : ''} verify against it`,
        msg: msg('tls-inspection-ca.host', {
          ca,
          dockerd: state.docker.daemon !== 'absent',
          buildkitd: state.builderKind === 'buildkitd',
        }),
        evidence: ['/usr/local/share/ca-certificates/', ca],
      });
    }
    // Builders in a container or pod: only the toml they were created with adds a CA to the image's public roots.
    for (const b of [state.buildBuilder, state.buildxBuilder]) {
      if (!b || b.driver === 'docker' || b.driver === 'buildkitd') continue;
      if (b.nodes.some((n) => /\bca\s*=/.test(n.buildkitdConfig ?? ''))) continue;
      out.push({
        actor: 'builder',
        message: `builder "${b.name}" (${b.driver}) was created without a buildkitd.toml listing ${ca}: its image trusts only public roots`,
        msg: msg('tls-inspection-ca.builder', { name: b.name, driver: b.driver, ca }),
        evidence: [`docker buildx inspect ${b.name}`],
      });
      break;
    }
    if (state.builderKind === 'buildkitd' && !hostTrusts) {
      const toml = state.buildkitd.tomls.some((t) =>
        Object.values(t.registries).some((r) => r.ca.includes(ca)),
      );
      if (!toml)
        out.push({
          actor: 'builder',
          message: `buildkitd trusts neither the host store nor a buildkitd.toml ca entry with ${ca}`,
          msg: msg('tls-inspection-ca.buildkitd', { ca }),
          evidence: state.buildkitd.tomls.map((t) => t.path),
        });
    }
    if (!state.dockerfile?.caInstall)
      out.push({
        actor: 'run',
        severity: 'info',
        message: `RUN steps trust only the CAs inside the image: add ${ca} in the Dockerfile (COPY + update-ca-certificates, or a secret mount; plan target ca-trust prints both)`,
        msg: msg('tls-inspection-ca.run', { ca }),
        evidence: [state.dockerfile?.path ?? ca],
      });
    return out;
  },
};
