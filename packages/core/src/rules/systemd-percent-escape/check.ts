import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const systemdPercentEscape: Rule = {
  id: 'systemd-percent-escape',
  title: 'A % in a systemd Environment= line is not doubled',
  severity: 'error',
  actor: 'runtime',
  summary:
    'systemd reads % as a specifier: a percent-encoded password like p%40ss makes systemd drop the whole Environment= line.',
  targets: ['docker-systemd', 'docker-systemd-rootless', 'buildkitd-systemd'],
  references: [
    {
      title: 'docker/for-linux#1149: Failed to resolve specifiers',
      url: 'https://github.com/docker/for-linux/issues/1149',
    },
    {
      title: 'systemd.unit(5): Specifiers',
      url: 'https://www.freedesktop.org/software/systemd/man/latest/systemd.unit.html#Specifiers',
    },
  ],
  check(state) {
    // One finding per file: a copied drop-in usually repeats the same value on every line.
    const byFile = new Map<string, typeof state.systemd.problems>();
    for (const p of state.systemd.problems) {
      if (p.kind !== 'specifier') continue;
      byFile.set(p.path, [...(byFile.get(p.path) ?? []), p]);
    }
    return [...byFile].map(([path, ps]) => {
      const lines = ps.map((p) => p.line).join(', ');
      const dropped = ps.filter((p) => p.kind === 'specifier' && !p.resolvedSilently);
      const specs = [...new Set(ps.map((p) => (p.kind === 'specifier' ? p.specifier : '')))].join(', ');
      return {
        message:
          dropped.length > 0
            ? `${path} line ${lines}: ${specs} is not a systemd specifier, so systemd ignores the whole line; write %% for a literal %`
            : `${path} line ${lines}: systemd replaces ${specs} with one of its own values; write %% for a literal %`,
        msg: msg(dropped.length > 0 ? 'systemd-percent-escape.dropped' : 'systemd-percent-escape.replaced', {
          path,
          lines: ps.map((p) => String(p.line)),
          specs: [...new Set(ps.map((p) => (p.kind === 'specifier' ? p.specifier : '')))],
        }),
        evidence: ps.map((p) => `${p.path}:${p.line}`),
      };
    });
  },
};
