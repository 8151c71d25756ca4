import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';
import {
  builderEvidence,
  builderLabel,
  builderLabelMsg,
  builderMissingProxy,
  buildkitdFix,
  buildkitdFixMsg,
  intendedProxy,
  joinCommands,
  rancherTransparent,
  runConfigured,
  runtimeHasProxy,
  shown,
  usedBuilders,
} from '../util.js';

export const builderProxyMissing: Rule = {
  id: 'builder-proxy-missing',
  title: 'The builder has no proxy',
  severity: 'error',
  actor: 'builder',
  summary:
    'The BuildKit that pulls FROM images, the # syntax frontend and pushes has no HTTPS_PROXY, so those requests go direct and time out.',
  targets: [
    'docker-systemd',
    'docker-systemd-rootless',
    'docker-daemon-json',
    'buildx-docker-container',
    'buildkitd-systemd',
    'kubernetes',
  ],
  references: [
    { title: 'Docker docs: Daemon proxy configuration', url: 'https://docs.docker.com/engine/daemon/proxy/' },
    {
      title: 'docker/buildx#136: builders do not use the daemon proxy',
      url: 'https://github.com/docker/buildx/issues/136',
    },
  ],
  check(state, profile) {
    const want = intendedProxy(profile);
    // BuildKit in Rancher Desktop's VM (dockerd's, or a builder container) reaches 80/443 through its proxy
    if (!want || rancherTransparent(state)) return [];
    return (
      usedBuilders(state)
        .filter(({ builder }) => builderMissingProxy(builder))
        // Narrower rules explain these cases better.
        .filter(({ builder }) => !(builder.driver === 'docker-container' && runtimeHasProxy(state)))
        .filter(() => !runConfigured(state))
        .map(({ builder, commands }) => ({
          message: `${builderLabel(builder)}, used by ${joinCommands(commands)}, has no HTTPS_PROXY; you need ${shown(want)} (from ${profile.sourceLabel})${builder.driver === 'buildkitd' ? `; ${buildkitdFix(state)}` : ''}`,
          msg: msg('builder-proxy-missing.none', {
            builder: builderLabelMsg(builder),
            commands,
            proxy: shown(want),
            source: profile.sourceLabel,
            fix: builder.driver === 'buildkitd' ? buildkitdFixMsg(state) : null,
          }),
          evidence: builderEvidence(builder),
        }))
    );
  },
};
