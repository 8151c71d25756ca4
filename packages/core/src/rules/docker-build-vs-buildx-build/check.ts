import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';
import { builderLabel, builderLabelMsg, builderMissingProxy, intendedProxy } from '../util.js';

export const dockerBuildVsBuildxBuild: Rule = {
  id: 'docker-build-vs-buildx-build',
  title: 'docker build and docker buildx build use different builders',
  severity: 'warning',
  actor: 'builder',
  summary:
    'One command works and the other fails: docker build uses the default builder, docker buildx build the one chosen with docker buildx use.',
  targets: ['docker-systemd', 'buildx-docker-container', 'client-shell'],
  references: [
    {
      title: 'docker/docs#21641: docker build vs buildx build builder selection',
      url: 'https://github.com/docker/docs/issues/21641',
    },
    { title: 'Docker docs: Builders', url: 'https://docs.docker.com/build/builders/' },
  ],
  check(state, profile) {
    const a = state.buildBuilder;
    const b = state.buildxBuilder;
    if (!a || !b || a === b || !intendedProxy(profile)) return [];
    const aMissing = builderMissingProxy(a);
    const bMissing = builderMissingProxy(b);
    if (aMissing === bMissing) return [];
    const [bad, good, badCmd, goodCmd] = aMissing
      ? [a, b, 'docker build', 'docker buildx build']
      : [b, a, 'docker buildx build', 'docker build'];
    return [
      {
        message: `\`${goodCmd}\` uses ${builderLabel(good)}, which has the proxy; \`${badCmd}\` uses ${builderLabel(bad)}, which does not`,
        msg: msg('docker-build-vs-buildx-build.differ', {
          good: goodCmd,
          goodBuilder: builderLabelMsg(good),
          bad: badCmd,
          badBuilder: builderLabelMsg(bad),
        }),
        evidence: ['docker buildx inspect', 'docker buildx ls --format json'],
      },
    ];
  },
};
