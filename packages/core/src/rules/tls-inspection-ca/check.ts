import { GOOD_CONTAINER } from '../../machines/fixtures.js';
import type { FindingDraft, Rule } from '../types.js';

export const tlsInspectionCa: Rule = {
  id: 'tls-inspection-ca',
  title: 'The corporate CA is not trusted by every actor',
  severity: 'warning',
  actor: 'builder',
  summary:
    'A TLS-inspecting proxy re-signs traffic with a corporate CA; each actor has its own trust store and fails with x509: certificate signed by unknown authority until it trusts it.',
  targets: ['buildkitd-toml', 'docker-systemd', 'build-command'],
  examples: {
    bad: {
      title: 'A CA given, and a docker-container builder without ca entries',
      machine: GOOD_CONTAINER,
      profile: { caCert: '/usr/local/share/ca-certificates/corp.crt', registries: ['registry.corp.example'] },
    },
    good: { title: 'No TLS inspection', machine: GOOD_CONTAINER },
  },
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
    if (!profile.caCert) return [];
    const out: FindingDraft[] = [];
    const tomlCa = state.buildkitd.tomls.some((t) =>
      Object.values(t.registries).some((r) => r.ca.length > 0),
    );
    const inspectCa = state.builders.some((b) =>
      b.nodes.some((n) => /\bca\s*=/.test(n.buildkitdConfig ?? '')),
    );
    for (const b of [state.buildBuilder, state.buildxBuilder]) {
      if (!b || b.driver === 'docker') continue;
      if (tomlCa || inspectCa) continue;
      out.push({
        message: `builder "${b.name}" (${b.driver}) has no registry ca entries in buildkitd.toml: it will not trust ${profile.caCert}`,
        evidence: [`docker buildx inspect ${b.name}`],
      });
      break;
    }
    out.push({
      actor: 'run',
      severity: 'info',
      message: `RUN steps trust only the CAs inside the image: add ${profile.caCert} in the Dockerfile (COPY + update-ca-certificates)`,
      evidence: [profile.caCert],
    });
    return out;
  },
};
