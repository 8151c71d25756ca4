import { compareVersions, formatVersion, parseVersion } from '../../formats/version.js';
import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';
import { intendedProxy, usedBuilders } from '../util.js';

export const gitContextProxy: Rule = {
  id: 'git-context-proxy',
  title: 'Git sources ignore the builder proxy on this BuildKit',
  severity: 'warning',
  actor: 'builder',
  summary:
    "Before BuildKit 0.19 (Docker Engine 28) the git process that fetches ADD <git> sources and git build contexts did not get the builder's proxy.",
  targets: ['buildx-docker-container'],
  references: [
    { title: 'moby/buildkit#5613: pass proxy env to git', url: 'https://github.com/moby/buildkit/pull/5613' },
    {
      title: 'moby/buildkit#5329: ADD git ignores proxy',
      url: 'https://github.com/moby/buildkit/issues/5329',
    },
  ],
  check(state, profile) {
    const git = state.dockerfile?.gitSources ?? [];
    if (git.length === 0 || !intendedProxy(profile)) return [];
    const min = parseVersion('0.19.0')!;
    return usedBuilders(state)
      .filter(({ builder }) => builder.buildkit && compareVersions(builder.buildkit, min) < 0)
      .map(({ builder }) => ({
        message: `${state.dockerfile!.path}:${git[0]!.line} fetches a git source, but builder "${builder.name}" runs BuildKit ${formatVersion(builder.buildkit)} (< 0.19), whose git ignores the proxy`,
        msg: msg('git-context-proxy.old', {
          at: `${state.dockerfile!.path}:${git[0]!.line}`,
          builder: builder.name,
          version: formatVersion(builder.buildkit),
        }),
        evidence: [`${state.dockerfile!.path}:${git[0]!.line}`, 'docker buildx ls --format json'],
      }));
  },
};
