// @buildproxy/core/plan — profile + analysed state → buildproxy.plan/v1, with the findings it resolves computed by
// re-analysis.
import { resolveProfile } from '../analyze/profile.js';
import { analyze } from '../analyze/state.js';
import type { ProfileInput, State } from '../analyze/types.js';
import type { Evidence } from '../evidence/schema.js';
import { formatProxyUrl, parseProxyUrl } from '../proxy/url.js';
import { diagnose } from '../report.js';
import type { Finding } from '../rules/types.js';
import { type ErrorReading, readError } from '../why/index.js';
import type { PlanContext, TargetDefinition } from './context.js';
import { checkNoProxy, generateNoProxy } from './no-proxy.js';
import { resolution } from './resolution.js';
import { defaultTargets } from './select.js';
import { withCommands, withFiles } from './simulate.js';
import { TARGET_DEFINITIONS } from './targets/index.js';
import { type FileChange, PLAN_FORMAT, type Plan, TARGETS, type Target } from './types.js';

export class PlanError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

function canonical(flag: string, v: string): string {
  const p = parseProxyUrl(v);
  if (!p.ok)
    throw new PlanError(
      `the ${flag} proxy ${p.problem.message}`,
      `fix: ${p.problem.fix}, or pass --proxy URL`,
    );
  return formatProxyUrl(p.url);
}

export interface PlanResult {
  plan: Plan;
  findings: Finding[];
  /** the build error given with the plan (--error), read with this machine */
  errorReading: ErrorReading | null;
}

/** A pasted error that shows a proxy failure counts as a finding of its requester when choosing targets. */
function errorFinding(r: ErrorReading): Finding | null {
  if (!r.recognised || !r.proxyProblem || !r.actor || r.rules.length === 0) return null;
  return {
    rule: r.rules[0]!,
    severity: 'error',
    actor: r.actor,
    title: r.title ?? '',
    message: `the build error: ${r.requester ?? r.actor}`,
    evidence: [r.excerpt],
  };
}

export function makePlan(
  evidence: Evidence,
  input: ProfileInput = {},
  opts: { targets?: Target[]; errorText?: string /** the evidence already analysed */; state?: State } = {},
): PlanResult {
  const state = opts.state ?? analyze(evidence);
  const profile = resolveProfile(input, state.layers, state.client);
  if (!profile.httpProxy && !profile.httpsProxy) {
    throw new PlanError(
      'no proxy to configure: none was given and none is set anywhere on this machine',
      'fix: pass --proxy http://HOST:PORT',
    );
  }
  const findings = diagnose(state, profile);
  // The cluster suffixes belong to the pod's NO_PROXY only: the kubernetes snippet adds them itself, so they do not
  // leak into dockerd's drop-in or the shell (issue 19).
  const noProxy = generateNoProxy(state, profile);
  const problems = checkNoProxy(noProxy, profile);
  if (problems.length)
    throw new PlanError(`the NO_PROXY list is unsafe: ${problems.join('; ')}`, 'fix: correct --no-proxy');
  const proxy = {
    http: canonical('HTTP', profile.httpProxy ?? profile.httpsProxy!),
    https: canonical('HTTPS', profile.httpsProxy ?? profile.httpProxy!),
    noProxy,
  };
  const planned = new Map<string, FileChange>();
  const ctx: PlanContext = {
    state,
    profile,
    evidence,
    proxy,
    findings,
    read: (path) => (planned.has(path) ? planned.get(path)!.after : evidence.files[path]),
  };
  // Canonical order: the same plan whatever order the targets were named in.
  const errorReading = opts.errorText === undefined ? null : readError(opts.errorText, state);
  const fromError = errorReading ? errorFinding(errorReading) : null;
  // --ca-cert is a request of its own: the CA steps join even a chosen target list (the wizard names its targets;
  // "Proxy inspects TLS? yes" must still plan the CA for every actor).
  const caTargets = profile.caCert
    ? defaultTargets(
        state,
        findings.filter((f) => f.rule === 'tls-inspection-ca'),
      )
    : [];
  const targets = [
    ...new Set([
      ...(opts.targets ?? defaultTargets(state, fromError ? [...findings, fromError] : findings)),
      ...caTargets,
    ]),
  ].sort((a, b) => TARGETS.indexOf(a) - TARGETS.indexOf(b));
  const plan: Plan = {
    format: PLAN_FORMAT,
    changes: [],
    commands: [],
    snippets: [],
    targets: [...targets],
    refused: [],
  };
  for (const t of targets) {
    const def: TargetDefinition = TARGET_DEFINITIONS[t];
    const r = def.generate(ctx, t);
    if (!r.ok) {
      plan.refused!.push({ target: t, reason: r.reason });
      continue;
    }
    for (const c of r.changes) {
      const prev = planned.get(c.path);
      // Two targets editing one file: keep the original "before", chain the "after".
      planned.set(
        c.path,
        prev ? { ...c, before: prev.before, rules: [...new Set([...prev.rules, ...c.rules])] } : c,
      );
    }
    for (const cmd of r.commands) {
      if (!plan.commands.some((x) => x.argv.join('\0') === cmd.argv.join('\0'))) plan.commands.push(cmd);
    }
    plan.snippets.push(...r.snippets);
  }
  plan.changes = [...planned.values()].filter((c) => c.before !== c.after);
  // Resolution, computed: analyse the machine as it will be.
  const afterFiles = diagnose(analyze(withFiles(evidence, plan)), profile);
  const afterAll = diagnose(analyze(withCommands(withFiles(evidence, plan), plan)), profile);
  plan.resolves = resolution(findings, afterFiles, afterAll);
  return { plan, findings, errorReading };
}

export {
  csvField,
  envFileLine,
  fishQuote,
  parseCsvLine,
  shQuote,
  shUnquote,
  systemdAssignment,
} from '../formats/encode.js';
export {
  availableTargets,
  type Preselection,
  preselectTargets,
  type TargetChoice,
  targetForError,
} from './available.js';
export { makeRemovalPlan, type RemovalResult, removalReads } from './remove.js';
export { daemonTarget, defaultTargets } from './select.js';
export { withCommands, withFiles } from './simulate.js';
export {
  type FileChange,
  isTarget,
  type PartialResolution,
  PLAN_FORMAT,
  type Plan,
  type PlanCommand,
  PlanFormatError,
  type PlanSnippet,
  TARGETS,
  type Target,
} from './types.js';
