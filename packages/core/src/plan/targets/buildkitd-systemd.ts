// buildkitd-systemd: a drop-in for buildkit.service, standalone buildkitd. A user unit when no system unit is
// loaded and buildproxy does not run as root.

import type { TargetDefinition } from '../context.js';
import { systemctl, systemdFiles } from '../declare.js';
import { systemdDropIn } from '../systemd-drop-in.js';

export const buildkitdSystemdTarget: TargetDefinition<'buildkitd-systemd'> = {
  id: 'buildkitd-systemd',
  generate: (ctx, target) =>
    systemdDropIn(
      ctx,
      'buildkit',
      ctx.state.buildctl
        ? ctx.state.buildctl.unitScope === 'user'
        : ctx.state.buildkitd.service?.loaded !== true &&
            ctx.state.host.uid !== 0 &&
            ctx.state.host.uid !== null,
      target,
    ),
  declares: {
    files: [...systemdFiles('buildkit', false), ...systemdFiles('buildkit', true)],
    commands: [...systemctl(false, 'buildkit'), ...systemctl(true, 'buildkit')],
  },
};
