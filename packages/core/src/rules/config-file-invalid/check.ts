import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const configFileInvalid: Rule = {
  id: 'config-file-invalid',
  title: 'A configuration file cannot be parsed',
  severity: 'error',
  actor: 'runtime',
  summary:
    'daemon.json, config.json or buildkitd.toml is malformed: dockerd refuses to start, the CLI ignores the file, buildkitd exits.',
  targets: [],
  references: [
    {
      title: 'Docker docs: daemon configuration file',
      url: 'https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file',
    },
  ],
  check(state) {
    return state.fileErrors.map((e) => ({
      message: `${e.path}:${e.line}:${e.column}: ${e.message}`,
      msg: msg('config-file-invalid.parse', { at: `${e.path}:${e.line}:${e.column}`, error: e.message }),
      evidence: [`${e.path}:${e.line}:${e.column}`],
    }));
  },
};
