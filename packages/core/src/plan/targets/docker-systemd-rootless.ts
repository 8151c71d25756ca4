// docker-systemd-rootless: the same drop-in for rootless dockerd, a user unit under ~/.config/systemd/user.

import type { TargetDefinition } from '../context.js';
import { DAEMON_JSON, systemctl, systemdFiles } from '../declare.js';
import { systemdDropIn } from '../systemd-drop-in.js';

export const dockerSystemdRootlessTarget: TargetDefinition<'docker-systemd-rootless'> = {
  id: 'docker-systemd-rootless',
  generate: (ctx, target) => systemdDropIn(ctx, 'docker', true, target),
  declares: { files: [...systemdFiles('docker', true), ...DAEMON_JSON], commands: systemctl(true, 'docker') },
};
