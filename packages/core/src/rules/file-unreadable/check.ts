import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const fileUnreadable: Rule = {
  id: 'file-unreadable',
  title: 'A configuration file could not be read',
  severity: 'info',
  actor: 'runtime',
  summary:
    'A file that configures the proxy exists but this user may not read it, so its settings are missing from the report.',
  targets: [],
  references: [
    {
      title: 'systemd.exec(5): EnvironmentFile=',
      url: 'https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#EnvironmentFile=',
    },
  ],
  check(state) {
    return [
      ...state.unreadable.map((path) => {
        const s = state.host.sudo;
        // Under sudo, a file in the user's home is read only when that user owns it and it is no symlink.
        const theirs = s && path.startsWith(`${state.host.home}/`);
        return {
          message: theirs
            ? `${path} is a symlink or is not owned by ${s.user}, so it was not read: under sudo, buildproxy reads only ${s.user}'s own files from their home and follows none of their links; its settings are not part of this report — run buildproxy as ${s.user} to read it`
            : `${path} exists but could not be read (permission denied); its settings are not part of this report — run with sudo`,
          msg: theirs
            ? msg('file-unreadable.theirs', { path, user: s.user })
            : msg('file-unreadable.denied', { path }),
          evidence: [path],
        };
      }),
      ...state.oversize.map((path) => ({
        message: `${path} is larger than 1 MiB, more than any configuration file needs, so it was not read; its settings are not part of this report — check what wrote it`,
        msg: msg('file-unreadable.oversize', { path }),
        evidence: [path],
      })),
    ];
  },
};
