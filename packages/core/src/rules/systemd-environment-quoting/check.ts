import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const systemdEnvironmentQuoting: Rule = {
  id: 'systemd-environment-quoting',
  title: 'A systemd Environment= line is quoted wrongly',
  severity: 'error',
  actor: 'runtime',
  summary:
    'Several variables inside one pair of quotes become one variable; an unquoted space splits a value in two.',
  targets: ['docker-systemd', 'docker-systemd-rootless', 'buildkitd-systemd'],
  references: [
    {
      title: 'systemd.exec(5): Environment=',
      url: 'https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#Environment=',
    },
    {
      title: 'angstwad/docker.ubuntu#193: one quoted string sets one variable',
      url: 'https://github.com/angstwad/docker.ubuntu/issues/193',
    },
  ],
  check(state) {
    return state.systemd.problems.flatMap((p) => {
      if (p.kind === 'quoting') {
        return [
          {
            message: `${p.path}:${p.line}: one quoted string sets only ${p.variable}; ${p.swallowed.join(', ')} become part of its value`,
            msg: msg('systemd-environment-quoting.quoted', {
              at: `${p.path}:${p.line}`,
              variable: p.variable,
              swallowed: p.swallowed,
            }),
            evidence: [`${p.path}:${p.line}`],
          },
        ];
      }
      if (p.kind === 'invalid-assignment') {
        return [
          {
            message: `${p.path}:${p.line}: "${p.word}" is not NAME=value, so systemd drops it (an unquoted space split the value)`,
            msg: msg('systemd-environment-quoting.split', { at: `${p.path}:${p.line}`, word: p.word }),
            evidence: [`${p.path}:${p.line}`],
          },
        ];
      }
      return [];
    });
  },
};
