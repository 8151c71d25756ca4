// What the capture keeps of the container or pod a buildctl connection helper reaches (docker-, podman-,
// nerdctl-container://, kube-pod://): the proxy variables of its environment and the container's state, in the
// shape the analysis parses. A pod spec or an inspect holds every other variable, tokens included: they stay out.
import { buildctlAddress, helperInspectArgv } from '../../daemons/buildkit-host.js';
import type { CommandResult } from '../../evidence/schema.js';
import { parseContainerInspect, parsePodEnv } from '../../formats/docker-output.js';
import { pickRelevant } from '../../proxy/env.js';
import { type Exec, findOnPath } from './exec.js';

/**
 * The container or pod buildctl reaches (BUILDKIT_HOST or --addr), asked when its CLI is here (docker through the
 * Engine API when the socket is local), bounded by the capture's timeout; null when there is nothing to ask.
 */
export function helperProbe(o: {
  env: Record<string, string>;
  addr: string | null | undefined;
  socket: string | null;
  path: string | undefined;
  api: (argv: readonly string[], path: string, shape: (body: string) => string) => Promise<CommandResult>;
  probe: (argv: readonly string[], answer: () => Promise<CommandResult>) => Promise<CommandResult>;
  exec: Exec;
  timeoutMs: number;
  /** the environment the CLI runs with (the capture's) */
  run: NodeJS.ProcessEnv;
}): Promise<CommandResult> | null {
  const helper = helperInspectArgv(buildctlAddress(o.env, o.addr).address);
  if (!helper) return null;
  if (helper[0] === 'docker' && o.socket)
    return o.api(helper, `/containers/${encodeURIComponent(helper[3]!)}/json`, (j) =>
      onlyProxyEnv(`[${j}]`, false),
    );
  if (!findOnPath(helper[0]!, o.path)) return null;
  return o.probe(helper, async () => {
    const r = await o.exec(helper, { timeoutMs: o.timeoutMs, env: o.run });
    return r.exitCode === 0 ? { ...r, stdout: onlyProxyEnv(r.stdout, helper[0] === 'kubectl') } : r;
  });
}

export function onlyProxyEnv(stdout: string, pod: boolean): string {
  if (pod) {
    const env = parsePodEnv(stdout);
    if (!env) return '';
    const list = Object.entries(pickRelevant(env)).map(([name, value]) => ({ name, value }));
    return `${JSON.stringify({ spec: { containers: [{ env: list }] } })}\n`;
  }
  const c = parseContainerInspect(stdout);
  if (!c) return '';
  const shown = {
    Created: c.created,
    Config: { Env: Object.entries(pickRelevant(c.env)).map(([k, v]) => `${k}=${v}`) },
    HostConfig: { NetworkMode: c.networkMode },
    State: { Running: c.running },
  };
  return `${JSON.stringify([shown])}\n`;
}
