import { msg } from '../../messages/ref.js';
import { parseProxyUrl } from '../../proxy/url.js';
import type { FindingDraft, Rule } from '../types.js';

export const proxyCredentialsExposed: Rule = {
  id: 'proxy-credentials-exposed',
  title: 'Proxy credentials are exposed',
  severity: 'warning',
  actor: 'run',
  summary:
    'A proxy URL with a password is stored where others can read it: build args in provenance, builder driver options, a world-readable drop-in.',
  targets: ['docker-systemd', 'build-command'],
  references: [
    {
      title: 'Docker docs: provenance attestations',
      url: 'https://docs.docker.com/build/metadata/attestations/slsa-provenance/',
    },
    {
      title: 'Docker docs: CLI proxy configuration (plain-text warning)',
      url: 'https://docs.docker.com/engine/cli/proxy/',
    },
  ],
  check(state) {
    const out: FindingDraft[] = [];
    const where: Record<string, string> = {
      'config-json': 'become build args, recorded in provenance with mode=max and visible to every RUN step',
      systemd: 'sit in a world-readable drop-in (systemctl show docker prints them)',
      'buildkit-systemd': 'sit in a world-readable drop-in',
    };
    for (const layer of state.layers) {
      const why =
        where[layer.id] ??
        (layer.id.startsWith('builder:') ? 'are printed unmasked by docker buildx inspect' : null);
      if (!why) continue;
      const seen = new Set<string>();
      for (const vals of Object.values(layer.vars)) {
        for (const v of vals ?? []) {
          const p = parseProxyUrl(v.value);
          if (!p.ok || p.url.password === null || seen.has(v.origin.ref)) continue;
          // A root-only EnvironmentFile= is the recommended place; only Environment= lines are world-readable.
          if (layer.id.endsWith('systemd') && !/\.(conf|service):\d+$/.test(v.origin.ref)) continue;
          seen.add(v.origin.ref);
          out.push({
            actor: layer.actor,
            message: `credentials in ${v.name} (${layer.label}) ${why}`,
            msg: msg('proxy-credentials-exposed.where', {
              name: v.name,
              layer: layer.label,
              where: layer.id.startsWith('builder:') ? 'builder' : layer.id,
            }),
            evidence: [v.origin.ref],
          });
        }
      }
    }
    return out;
  },
};
