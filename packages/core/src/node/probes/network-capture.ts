// The core API for `doctor --network` and the wizard's proxy test: analyse the captured machine, decide what to
// probe (pure), probe it, and return the network evidence to attach to the bundle.
import { resolveProfile } from '../../analyze/profile.js';
import { analyze } from '../../analyze/state.js';
import type { ProfileInput } from '../../analyze/types.js';
import type { NetworkEvidence } from '../../evidence/network.js';
import type { Evidence } from '../../evidence/schema.js';
import { planNetworkProbes } from '../../network/probe-plan.js';
import { type NetworkProbeOptions, probeNetwork } from './network.js';

/** Probe the network as this machine's actors (and the proxy in `input`, when given) would use it. */
export async function captureNetwork(
  evidence: Evidence,
  input: ProfileInput = {},
  opts: NetworkProbeOptions = {},
): Promise<NetworkEvidence> {
  const state = analyze(evidence);
  const profile = resolveProfile(input, state.layers, state.client);
  return probeNetwork(planNetworkProbes(state, profile), opts);
}

/** The first inspecting CA the probes saw (PEM) and who issued it; null when every chain was public. */
export function inspectingCa(
  n: NetworkEvidence,
): { pem: string; issuer: string | null; fingerprint: string | null } | null {
  for (const r of n.routes)
    for (const h of r.hosts)
      if (h.tls?.result === 'untrusted' && h.tls.caPem)
        return {
          pem: h.tls.caPem,
          issuer: h.tls.issuer,
          fingerprint: h.tls.chain.at(-1)?.fingerprint256 ?? null,
        };
  return null;
}
