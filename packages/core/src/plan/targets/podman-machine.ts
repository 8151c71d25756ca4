// podman-machine: the proxy of a podman machine (macOS, Windows, Linux): podman copies the proxy variables of the
// shell that runs `podman machine start` into the VM's systemd manager (default-env.conf), where pulls and remote
// builds use them. Its commands restart the machine (disruptive: run only with --run-commands). A loopback proxy is written as
// host.containers.internal, which the VM resolves to this host (containers/podman#14087; rewritten by podman
// itself from 4.6, except on WSL).
import { shQuote } from '../../formats/encode.js';
import { isProxyVar } from '../../proxy/env.js';
import type { Target } from '../../targets.js';
import { ok, type PlanContext, proxyVars, refuse, type TargetDefinition } from '../context.js';
import type { CommandShape } from '../declare.js';
import { sentence } from '../sentences.js';
import type { TargetResult } from '../types.js';
import { forVm } from './vm-proxy.js';

function podmanMachine(ctx: PlanContext, target: Target): TargetResult {
  const m = ctx.state.engines.podman?.machine;
  if (!m) return refuse(sentence('podman-machine.no-podman-machine-here'));
  const no = [...new Set([...ctx.proxy.noProxy, 'host.containers.internal'])];
  const vars = proxyVars({
    http: forVm(ctx.proxy.http, 'host.containers.internal'),
    https: forVm(ctx.proxy.https, 'host.containers.internal'),
    noProxy: no,
  });
  const why =
    'podman writes the proxy variables of this command into the VM (default-env.conf) when it starts';
  return ok(
    [],
    [
      {
        argv: ['podman', 'machine', 'stop', m.name],
        why: 'the machine takes a new environment only when it starts',
        needsRoot: false,
        disruptive: true,
        target,
      },
      {
        argv: ['env', ...vars.map(([k, v]) => `${k}=${v}`), 'podman', 'machine', 'start', m.name],
        why,
        needsRoot: false,
        disruptive: true,
        target,
      },
    ],
    [
      {
        title: `podman machine ${m.name}: check what the VM got`,
        language: 'sh',
        text: `podman machine ssh ${shQuote(m.name)} cat /etc/systemd/system.conf.d/default-env.conf`,
        target,
      },
    ],
  );
}

const MACHINE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** `podman machine stop NAME`, and `env K=V… podman machine start NAME` with proxy variables only. */
const stopShape: CommandShape = (a) =>
  a.length === 4 && a[0] === 'podman' && a[1] === 'machine' && a[2] === 'stop' && MACHINE_NAME.test(a[3]!)
    ? null
    : 'not "podman machine stop NAME"';
const startShape: CommandShape = (a) => {
  const at = a.indexOf('podman');
  const ok =
    a[0] === 'env' &&
    at > 1 &&
    a.length === at + 4 &&
    a[at + 1] === 'machine' &&
    a[at + 2] === 'start' &&
    MACHINE_NAME.test(a[at + 3]!) &&
    a.slice(1, at).every((kv) => kv.indexOf('=') > 0 && isProxyVar(kv.slice(0, kv.indexOf('='))));
  return ok ? null : 'not "env PROXY_VARS… podman machine start NAME"';
};

export const podmanMachineTarget: TargetDefinition<'podman-machine'> = {
  id: 'podman-machine',
  generate: podmanMachine,
  declares: { files: [], commands: [stopShape, startShape] },
};
