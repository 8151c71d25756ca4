// colima-yaml: the proxy in the profile's colima.yaml `env:`. Colima gives the VM that environment and writes
// daemon.json `proxies` from it, so dockerd in the VM uses it after `colima restart`. A loopback proxy is written as
// host.lima.internal, the name Lima gives this host inside the VM (colima up to 0.7.5 copied 127.0.0.1 verbatim into
// daemon.json: abiosoft/colima#1144). A YAML document edit: comments and every other key stay.
import { colimaFiles } from '../../evidence/engines.js';
import type { Target } from '../../targets.js';
import { change, ok, type PlanContext, proxyVars, refuse, type TargetDefinition } from '../context.js';
import { sentence } from '../sentences.js';
import type { TargetResult } from '../types.js';
import { forVm } from './vm-proxy.js';
import { editYaml } from './yaml-edit.js';

function colimaYaml(ctx: PlanContext, target: Target): TargetResult {
  const c = ctx.state.engines.vm.colima;
  if (!c) return refuse(sentence('colima-yaml.colima-not-use-here'));
  const { host, client } = ctx.state;
  const path =
    c.yaml?.path ??
    colimaFiles({
      platform: host.platform,
      home: host.home,
      uid: host.uid,
      env: { ...client, COLIMA_PROFILE: c.profile },
    }).yaml;
  const text = ctx.read(path);
  if (text == null)
    return refuse(`${path} not found: run \`colima start\` once (it writes the file), then plan again`);
  const gw = 'host.lima.internal';
  const vars = proxyVars({
    http: forVm(ctx.proxy.http, gw),
    https: forVm(ctx.proxy.https, gw),
    noProxy: [...new Set([...ctx.proxy.noProxy, gw])],
  });
  const edit = editYaml(
    path,
    text,
    vars.map(([k, v]) => ({ at: ['env', k], value: v })),
  );
  if (!edit.ok) return refuse(edit.reason);
  const after = edit.after;
  return ok(
    [
      change(ctx, {
        path,
        mode: '0600',
        needsRoot: false,
        after,
        target,
        why: 'colima gives the VM this environment and writes daemon.json proxies from it (takes effect on colima restart)',
      }),
    ],
    [
      {
        argv: ['colima', ...(c.profile === 'default' ? [] : ['--profile', c.profile]), 'restart'],
        why: 'colima.yaml takes effect when the VM starts again',
        needsRoot: false,
        disruptive: true,
        target,
      },
    ],
    [
      {
        title: 'Check the daemon in the VM',
        language: 'sh',
        text: "docker info --format '{{.HTTPProxy}} {{.HTTPSProxy}}'",
        target,
      },
    ],
  );
}

export const colimaYamlTarget: TargetDefinition<'colima-yaml'> = {
  id: 'colima-yaml',
  generate: colimaYaml,
  declares: {
    files: [
      { path: '{home}/.colima/*/colima.yaml', mode: '0600', credential: true },
      { path: '{home}/.config/colima/*/colima.yaml', mode: '0600', credential: true },
    ],
    commands: [
      (a) =>
        a.length === 2 && a[0] === 'colima' && a[1] === 'restart'
          ? null
          : a.length === 4 &&
              a[0] === 'colima' &&
              a[1] === '--profile' &&
              /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(a[2]!) &&
              a[3] === 'restart'
            ? null
            : 'not "colima [--profile NAME] restart"',
    ],
  },
};
