// lima-override: the proxy for plain Lima VMs (limactl, e.g. the docker template) in $LIMA_HOME/_config/override.yaml.
// Lima documents that file as taking "precedence even over the settings in an instances lima.yaml file", for all
// instances, "applied on each restart"; its `env:` map is merged key by key and ends up in the VM's /etc/environment
// (lima-vm/lima templates/default.yaml, "GLOBAL DEFAULTS AND OVERRIDES" and `env`). propagateProxyEnv is set to
// false there: otherwise the proxy variables of whatever shell runs `limactl start` overwrite `env:` (pkg/cidata
// setupEnv), and the fix would depend on the terminal it is started from. A loopback proxy is written as
// host.lima.internal, the name the VM resolves to this host. A YAML document edit: comments and other keys stay.
import { engineOfEndpoint } from '../../analyze/vm-engines.js';
import { limaFiles } from '../../evidence/engines.js';
import type { Target } from '../../targets.js';
import { change, ok, type PlanContext, proxyVars, refuse, type TargetDefinition } from '../context.js';
import type { CommandShape } from '../declare.js';
import { sentence } from '../sentences.js';
import type { TargetResult } from '../types.js';
import { forVm } from './vm-proxy.js';
import { editYaml, type YamlSet } from './yaml-edit.js';

/**
 * Lima's instance names (lima-vm/lima pkg/identifiers): letters and digits, single `.`, `_` or `-` between them.
 * Checked in three flat tests (a nested-quantifier pattern is not allowed in core: security/linear.test.ts).
 */
export function isLimaInstance(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(name) && !/[._-][._-]/.test(name) && !/[._-]$/.test(name);
}
export const LIMA_GW_NAME = 'host.lima.internal';

/**
 * The proxy as a Lima VM takes it from override.yaml (a loopback proxy as host.lima.internal, which the VM resolves
 * to this host) and the edits that write it, `propagateProxyEnv: false` included. Plain Lima and Rancher Desktop's
 * Lima read the same file the same way.
 */
export function limaOverrideEnv(ctx: PlanContext): { vars: [string, string][]; sets: YamlSet[] } {
  const vars = proxyVars({
    http: forVm(ctx.proxy.http, LIMA_GW_NAME),
    https: forVm(ctx.proxy.https, LIMA_GW_NAME),
    noProxy: [...new Set([...ctx.proxy.noProxy, LIMA_GW_NAME])],
  });
  return {
    vars,
    sets: [
      ...vars.map(([k, v]) => ({ at: ['env', k], value: v })),
      { at: ['propagateProxyEnv'], value: false },
    ],
  };
}

function instanceOf(ctx: PlanContext): string {
  const vm = ctx.state.engines.vm;
  const fromEndpoint = vm.endpoint ? engineOfEndpoint(vm.endpoint) : null;
  if (fromEndpoint?.engine === 'lima' && fromEndpoint.profile) return fromEndpoint.profile;
  return ctx.state.client.LIMA_INSTANCE || 'default';
}

function limaOverride(ctx: PlanContext, target: Target): TargetResult {
  const vm = ctx.state.engines.vm;
  if (vm.engine === 'colima')
    return refuse('this docker runs in Colima: its VM takes the proxy from colima.yaml (target colima-yaml)');
  if (vm.engine !== 'lima' && !vm.lima) return refuse(sentence('lima-override.lima-not-use-here'));
  const { host, client } = ctx.state;
  const path = limaFiles({
    platform: host.platform,
    home: host.home,
    uid: host.uid,
    env: client,
  }).limaOverride;
  if (path !== `${host.home}/.lima/_config/override.yaml`)
    return refuse(
      `LIMA_HOME is outside ~/.lima (${path}): add the env: keys to that override.yaml by hand (buildproxy writes only ~/.lima)`,
    );
  const text = ctx.read(path);
  if (text === undefined) return refuse(`${path} was not read by this capture; run the doctor again`);
  const instance = instanceOf(ctx);
  if (!isLimaInstance(instance))
    return refuse(
      `LIMA_INSTANCE "${instance}" is not a Lima instance name; set it to the instance to restart`,
    );
  const edit = editYaml(path, text, limaOverrideEnv(ctx).sets);
  if (!edit.ok) return refuse(edit.reason);
  return ok(
    [
      change(ctx, {
        path,
        mode: '0600',
        needsRoot: false,
        after: edit.after,
        target,
        why: 'Lima gives every VM these variables (over lima.yaml and the shell that starts it) when it starts',
      }),
    ],
    [
      {
        argv: ['limactl', 'stop', instance],
        why: 'override.yaml is read when the instance starts',
        needsRoot: false,
        disruptive: true,
        target,
      },
      {
        argv: ['limactl', 'start', instance],
        why: "Lima writes the proxy into the VM's /etc/environment at start",
        needsRoot: false,
        disruptive: true,
        target,
      },
    ],
    [
      {
        title: `Lima ${instance}: check what the VM got`,
        language: 'sh',
        text: `limactl shell ${instance} grep -i _proxy /etc/environment\ndocker info --format '{{.HTTPProxy}} {{.HTTPSProxy}}'`,
        target,
      },
    ],
  );
}

const limactl =
  (verb: 'stop' | 'start'): CommandShape =>
  (a) =>
    a.length === 3 && a[0] === 'limactl' && a[1] === verb && isLimaInstance(a[2]!)
      ? null
      : `not "limactl ${verb} INSTANCE"`;

export const limaOverrideTarget: TargetDefinition<'lima-override'> = {
  id: 'lima-override',
  generate: limaOverride,
  declares: {
    files: [{ path: '{home}/.lima/_config/override.yaml', mode: '0600', credential: true }],
    commands: [limactl('stop'), limactl('start')],
  },
};
