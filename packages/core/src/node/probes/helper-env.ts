// What the capture keeps of the container or pod a buildctl connection helper reaches (docker-, podman-,
// nerdctl-container://, kube-pod://): the proxy variables of its environment and the container's state, in the
// shape the analysis parses. A pod spec or an inspect holds every other variable, tokens included: they stay out.
import { parseContainerInspect, parsePodEnv } from '../../formats/docker-output.js';
import { pickRelevant } from '../../proxy/env.js';

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
