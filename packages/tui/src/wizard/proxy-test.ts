// The wizard's two uses of what `doctor --network` and core know about the proxy: the machine's own proxy offered
// as the default answer (core's suggestedProxy, with where it was read), and the proxy test after the network
// step (captureNetwork, then the network rules on its results).
import {
  type Evidence,
  type Finding,
  MEASURED_RULES,
  type NetworkEvidence,
  profileFromForm,
  type State,
  suggestedProxy,
} from '@buildproxy/core';
import { sibling } from '../sibling.js';
import type { Effects, WizardOptions } from './effects.js';
import type { Action, Answers, Suggestion, WizardState } from './state.js';

/**
 * The detected answers, with the machine's stated proxy filled in when detection found none in the profile.
 * Flags still win: the reducer merges the given answers over these (mergeAnswers).
 */
export function offerSuggestion(
  state: State,
  answers: Answers,
): { answers: Answers; suggested: Suggestion | null } {
  const sug = suggestedProxy(state);
  // The shell's own proxy was always the answer (the profile reads it); the source line is for what the wizard
  // brings in from elsewhere, and keeps the form's height on small terminals for the usual case.
  if (!sug || sug.source === 'env') return { answers, suggested: null };
  const s = { httpProxy: sug.httpProxy, label: sug.label };
  if (answers.proxy) return { answers, suggested: answers.proxy === sug.httpProxy ? s : null };
  const separate = sug.httpsProxy !== sug.httpProxy;
  return {
    answers: {
      ...answers,
      proxy: sug.httpProxy,
      separateHttps: separate,
      httpsProxy: separate ? sug.httpsProxy : answers.httpsProxy,
      noProxy: answers.noProxy || sug.noProxy.join(','),
      loopback: sug.onHost,
    },
    suggested: s,
  };
}

/**
 * Why the wizard will not test the proxy, or null when it will. --from replays a capture: its network is not this
 * host's. --root DIR is a staged tree, maybe another machine's: tested from this host only when --network asks.
 */
export function proxyTestOff(opts: Pick<WizardOptions, 'from' | 'root' | 'network'>): string | null {
  if (opts.from)
    return "not run: --from replays a capture, not this host's network (on that machine: buildproxy doctor --network)";
  if (opts.root && !opts.network) return 'off under --root (a staged tree); --network turns it on';
  return null;
}

/** doctor --network's probes, loaded only when the wizard tests the proxy (dist/network.cjs, as doctor does). */
export function liveProxyProbe(opts: WizardOptions): NonNullable<Effects['captureNetwork']> {
  return async (evidence, answers) => {
    const { captureNetwork } = sibling('./network.cjs') as typeof import('../network-entry.js');
    return captureNetwork(evidence, profileFromForm(answers), {
      timeoutMs: opts.timeoutMs,
      directTimeoutMs: Math.min(1500, opts.timeoutMs), // direct is a hint: short, as doctor --network
      root: opts.root,
    });
  };
}

/** What the network rules found in the probes' results (the measured rules: configuration is the review's). */
export function networkFindings(
  effects: Effects,
  evidence: Evidence,
  network: NetworkEvidence,
  answers: Answers,
): Finding[] {
  return effects.report({ ...evidence, network }, answers).findings.filter((f) => MEASURED_RULES.has(f.rule));
}

let runs = 0;

/**
 * Test the proxy the answers name; the result lands only if this run is still the one on screen (esc skips it).
 * Every probe has its own timeout; Ctrl-C ends the wizard at once whatever is still running.
 */
export async function runProxyTest(effects: Effects, s: WizardState, dispatch: (a: Action) => void) {
  if (!effects.captureNetwork || !s.evidence) return;
  const id = ++runs;
  dispatch({ type: 'proxy-test', test: { kind: 'running', id } });
  try {
    const network = await effects.captureNetwork(s.evidence, s.answers);
    const findings = networkFindings(effects, s.evidence, network, s.answers);
    dispatch({ type: 'proxy-test', test: { kind: 'done', id, findings } });
  } catch (e) {
    dispatch({ type: 'proxy-test', test: { kind: 'failed', id, error: (e as Error).message } });
  }
}
