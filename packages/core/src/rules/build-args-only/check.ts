import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';
import {
  builderEvidence,
  builderLabel,
  builderLabelMsg,
  builderMissingProxy,
  buildkitdFix,
  buildkitdFixMsg,
  joinCommands,
  runConfigured,
  runtimeHasProxy,
  usedBuilders,
} from '../util.js';

export const buildArgsOnly: Rule = {
  id: 'build-args-only',
  title: 'The proxy reaches RUN steps only',
  severity: 'error',
  actor: 'builder',
  summary:
    'Proxy build args (or ~/.docker/config.json proxies) configure RUN steps, but FROM, # syntax and push are fetched by the builder, which has no proxy.',
  targets: ['docker-systemd', 'docker-daemon-json', 'buildx-docker-container', 'buildkitd-systemd'],
  references: [
    {
      title: 'moby/buildkit#5617: build-arg proxy not used for FROM',
      url: 'https://github.com/moby/buildkit/issues/5617',
    },
    {
      title: 'Docker docs: Build variables — proxy arguments',
      url: 'https://docs.docker.com/build/building/variables/#proxy-arguments',
    },
  ],
  check(state) {
    if (!runConfigured(state)) return [];
    return usedBuilders(state)
      .filter(({ builder }) => builderMissingProxy(builder))
      .filter(({ builder }) => !(builder.driver === 'docker-container' && runtimeHasProxy(state)))
      .map(({ builder, commands }) => ({
        message:
          builder.driver === 'buildkitd'
            ? `the --opt build-arg: values of buildctl give RUN steps a proxy, but ${builderLabel(builder)} (${joinCommands(commands)}) has none: FROM, # syntax= and push go direct; ${buildkitdFix(state)}`
            : `${state.configJson?.path ?? 'config.json'} gives RUN steps a proxy, but ${builderLabel(builder)} (${joinCommands(commands)}) has none: FROM and push go direct`,
        msg:
          builder.driver === 'buildkitd'
            ? msg('build-args-only.buildctl', {
                builder: builderLabelMsg(builder),
                commands,
                fix: buildkitdFixMsg(state),
              })
            : msg('build-args-only.config', {
                path: state.configJson?.path ?? 'config.json',
                builder: builderLabelMsg(builder),
                commands,
              }),
        evidence: [state.configJson?.path ?? '', ...builderEvidence(builder)].filter(Boolean),
      }));
  },
};
