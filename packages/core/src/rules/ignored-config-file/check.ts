import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const ignoredConfigFile: Rule = {
  id: 'ignored-config-file',
  title: 'The proxy is in a file dockerd never reads',
  severity: 'warning',
  actor: 'runtime',
  summary:
    'Proxy variables in /etc/default/docker or /etc/sysconfig/docker are ignored unless the unit reads that file, and `export` lines never work there.',
  targets: ['docker-systemd'],
  references: [
    {
      title: 'moby/moby#23040: /etc/default/docker not read under systemd',
      url: 'https://github.com/moby/moby/issues/23040',
    },
  ],
  check(state) {
    return state.ignoredFiles.map((f) => ({
      message:
        f.why === 'export'
          ? `${f.path} is read by the docker unit, but its \`export\` lines (${f.vars.map((v) => v.name).join(', ')}) are ignored by systemd`
          : `${f.path} sets ${f.vars.map((v) => v.name).join(', ')}, but the docker unit does not read this file`,
      msg: msg(f.why === 'export' ? 'ignored-config-file.export' : 'ignored-config-file.unread', {
        path: f.path,
        names: f.vars.map((v) => v.name),
      }),
      evidence: f.vars.map((v) => `${v.path}:${v.line}`),
    }));
  },
};
