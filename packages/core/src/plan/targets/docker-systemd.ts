// docker-systemd: a drop-in for the system docker.service gives dockerd (and its embedded BuildKit) the proxy.

import type { TargetDefinition } from '../context.js';
import { DAEMON_JSON, systemctl, systemdFiles } from '../declare.js';
import { systemdDropIn } from '../systemd-drop-in.js';

export const dockerSystemdTarget: TargetDefinition<'docker-systemd'> = {
  id: 'docker-systemd',
  generate: (ctx, target) => systemdDropIn(ctx, 'docker', false, target),
  declares: {
    files: [...systemdFiles('docker', false), ...DAEMON_JSON],
    commands: systemctl(false, 'docker'),
  },
};
