import { DROP_IN, dropIn, GOOD_DOCKER, variant } from './fixtures.js';
import type { Rule } from './types.js';

const ENV_FILE = DROP_IN.replace('.conf', '.env');
const withEnvFile = variant(GOOD_DOCKER, {
  files: {
    [DROP_IN]: '[Service]\nEnvironmentFile=/etc/systemd/system/docker.service.d/http-proxy.env\n',
    [ENV_FILE]: dropIn()
      .replace(/Environment="|"/g, '')
      .replace('[Service]\n', ''),
  },
});

export const fileUnreadable: Rule = {
  id: 'file-unreadable',
  title: 'A configuration file could not be read',
  severity: 'info',
  actor: 'runtime',
  summary:
    'A file that configures the proxy exists but this user may not read it, so its settings are missing from the report.',
  explanation: `buildproxy reads the files that configure each actor. Some are readable by root only — on purpose, like the
\`EnvironmentFile=\` with mode 0600 that holds proxy credentials. When the doctor runs as another user, such a file's
content is unknown: buildproxy says so instead of treating it as empty, and skips the comparisons that would need it.`,
  fix: `Run the doctor as root to see everything: \`sudo buildproxy doctor\`.`,
  targets: [],
  examples: {
    bad: {
      title: 'The credentials file is 0600 and the doctor runs as a user',
      machine: { ...withEnvFile, unreadable: [ENV_FILE] },
    },
    good: { title: 'Run as root', machine: withEnvFile },
  },
  references: [
    {
      title: 'systemd.exec(5): EnvironmentFile=',
      url: 'https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#EnvironmentFile=',
    },
  ],
  check(state) {
    return state.unreadable.map((path) => ({
      message: `${path} exists but could not be read (permission denied); its settings are not part of this report — run with sudo`,
      evidence: [path],
    }));
  },
};
