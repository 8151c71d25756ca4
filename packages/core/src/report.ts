// @buildproxy/core/report — evidence + profile → buildproxy.report/v1: the findings and, per actor, the effective proxy.
import { resolveProfile } from './analyze/profile.js';
import { analyze } from './analyze/state.js';
import type { Actor, ActorState, Profile, ProfileInput, State, VarValue } from './analyze/types.js';
import type { Evidence, NotCaptured } from './evidence/schema.js';
import { mapValues, msg } from './messages/ref.js';
import { redactAll, redactValue } from './proxy/redact.js';
import { RULES } from './rules/index.js';
import type { Finding, Rule } from './rules/types.js';

export const REPORT_FORMAT = 'buildproxy.report/v1';

export type MarkKind = ReportActor['verdict'] | Finding['severity'];
export interface MarkStyle {
  glyph: string;
  /** said by screen readers and used as the CSS class */
  word: string;
  colour: 'green' | 'red' | 'yellow' | 'blue' | 'dim';
}

/** How a verdict or a severity is marked wherever a person reads one: the terminal, the wizard, the docs' analyzer. */
export const MARKS: Record<MarkKind, MarkStyle> = {
  ok: { glyph: '✓', word: 'ok', colour: 'green' },
  error: { glyph: '✗', word: 'error', colour: 'red' },
  warning: { glyph: '!', word: 'warning', colour: 'yellow' },
  info: { glyph: 'i', word: 'note', colour: 'blue' },
  unknown: { glyph: '?', word: 'unknown', colour: 'dim' },
};

/** The mark of a verdict or severity; anything else (a newer report's word) is marked unknown. */
export function markOf(kind: string): MarkStyle {
  return Object.hasOwn(MARKS, kind) ? MARKS[kind as MarkKind] : MARKS.unknown;
}

export interface ReportActor {
  status: ActorState['status'];
  label: string;
  verdict: 'ok' | 'warning' | 'error' | 'unknown';
  httpProxy: { value: string; source: string } | null;
  httpsProxy: { value: string; source: string } | null;
  noProxy: { value: string; source: string } | null;
}

export interface Report {
  format: typeof REPORT_FORMAT;
  findings: Finding[];
  actors: Record<Actor, ReportActor>;
  profile: { httpProxy: string | null; httpsProxy: string | null; noProxy: string[]; source: string | null };
  /** which builder each build command reaches; buildctl only when buildctl plays a part on this machine */
  builders: { docker: string; buildx: string; why: string; buildctl?: string; buildctlNote?: string };
  /** what the capture could not see (--root DIR without DIR/proc): the actors' verdicts rest on the files alone */
  notCaptured?: (NotCaptured & { message: string })[];
  /** under sudo: the user whose client, ~/.docker and builders were analysed */
  analysedUser?: { name: string; via: 'sudo'; env: 'recovered' | 'unknown' };
  docker: {
    engine: string | null;
    daemon: string;
    desktop: boolean;
    rootless: boolean;
    buildx: string | null;
  };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function runRule(rule: Rule, state: State, profile: Profile): Finding[] {
  let drafts: ReturnType<Rule['check']>;
  try {
    drafts = rule.check(state, profile);
  } catch (e) {
    // One broken rule must not take the report down with it.
    drafts = [
      {
        severity: 'info',
        message: `rule failed to run: ${e instanceof Error ? e.message : String(e)}`,
        msg: msg('report.rule-failed', { error: e instanceof Error ? e.message : String(e) }),
        evidence: [],
      },
    ];
  }
  return drafts.map((d) => ({
    rule: rule.id,
    severity: d.severity ?? rule.severity,
    actor: d.actor ?? rule.actor,
    title: rule.title,
    message: redactAll(d.message),
    msg: mapValues(d.msg, redactAll),
    evidence: d.evidence.map((e) => redactAll(e)),
  }));
}

function shownVar(v: VarValue | null) {
  return v ? { value: redactValue(v.value), source: redactAll(v.origin.ref) } : null;
}

/** What `buildctl build` reaches, and why: its address's source, the process tied to it, a rootless mismatch. */
function buildctlSelection(state: State): { buildctl?: string; buildctlNote?: string } {
  const b = state.buildctl;
  if (!b) return {};
  const served = b.tie
    ? `${b.builder.name} (${b.tie.detail})`
    : `${b.address.raw}: no buildkitd here is tied to it`;
  const why = b.source === 'default' ? 'the default address' : b.source;
  const notes: string[] = [];
  if (b.rootlessMismatch)
    notes.push(
      `a rootless buildkitd listens on ${b.rootlessMismatch}, but BUILDKIT_HOST is unset, so buildctl uses ${b.address.raw}: export BUILDKIT_HOST=unix://${b.rootlessMismatch}`,
    );
  for (const p of b.others)
    if (p.pid !== b.tie?.process.pid && !b.rootlessMismatch)
      notes.push(
        `buildkitd (pid ${p.pid}) runs too, but buildctl does not reach it; its environment is not used`,
      );
  return {
    buildctl: redactAll(`${served}, via ${why}`),
    ...(notes.length ? { buildctlNote: redactAll(notes.join('; ')) } : {}),
  };
}

export function diagnose(state: State, profile: Profile, rules: readonly Rule[] = RULES): Finding[] {
  const findings = rules.flatMap((r) => runRule(r, state, profile));
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

const NOT_CAPTURED: Record<NotCaptured['part'], string> = {
  processes: 'the running daemons (their environment, command lines and sockets)',
  net: 'the listening TCP ports',
};

const partText = (n: NotCaptured) => (Object.hasOwn(NOT_CAPTURED, n.part) ? NOT_CAPTURED[n.part] : n.part);
const why = (missing: string) =>
  `the --root tree has no ${missing}, and this host's is never read in its place`;

/** What a capture could not see, for people: "the running daemons (…): the --root tree has no /proc, …". */
export function notCapturedText(n: NotCaptured): string {
  return redactAll(`${partText(n)}: ${why(n.missing)}`);
}

/**
 * The same, one line per missing path: a part whose path lies under another's (/proc/net/tcp under /proc) is
 * said with it, so a tree without /proc gets one line.
 */
export function notCapturedLines(list: readonly NotCaptured[]): string[] {
  const causes = new Map<string, NotCaptured[]>();
  for (const n of list) {
    const cause =
      list.map((o) => o.missing).find((m) => n.missing === m || n.missing.startsWith(`${m}/`)) ?? n.missing;
    causes.set(cause, [...(causes.get(cause) ?? []), n]);
  }
  return [...causes].map(([missing, parts]) =>
    redactAll(`${parts.map(partText).join(' and ')}: ${why(missing)}`),
  );
}

/** `state`: the evidence already analysed (a wizard analyses once and reports for each answer). */
export function buildReport(
  evidence: Evidence,
  input: ProfileInput = {},
  state: State = analyze(evidence),
): { report: Report; state: State; profile: Profile } {
  const profile = resolveProfile(input, state.layers, state.client);
  const findings = diagnose(state, profile);
  const actors = {} as Record<Actor, ReportActor>;
  for (const [actor, a] of Object.entries(state.actors) as [Actor, ActorState][]) {
    const mine = findings.filter((f) => f.actor === actor);
    // An actor that should use a proxy and has none is never "ok", even when a finding is filed under another
    // actor (with the docker driver, dockerd is both runtime and builder).
    const lacksProxy =
      a.status === 'known' && !a.proxy.https && Boolean(profile.httpsProxy ?? profile.httpProxy);
    const verdict =
      a.status !== 'known' && mine.length === 0
        ? 'unknown'
        : mine.some((f) => f.severity === 'error')
          ? 'error'
          : mine.some((f) => f.severity === 'warning') || lacksProxy
            ? 'warning'
            : 'ok';
    actors[actor] = {
      status: a.status,
      label: a.label,
      verdict,
      httpProxy: shownVar(a.proxy.http),
      httpsProxy: shownVar(a.proxy.https),
      noProxy: shownVar(a.proxy.noProxy),
    };
  }
  const report: Report = {
    format: REPORT_FORMAT,
    findings,
    actors,
    profile: {
      httpProxy: profile.httpProxy ? redactValue(profile.httpProxy) : null,
      httpsProxy: profile.httpsProxy ? redactValue(profile.httpsProxy) : null,
      noProxy: profile.noProxy,
      source: profile.sourceLabel,
    },
    builders: { ...state.builderSelection, ...buildctlSelection(state) },
    ...(evidence.notCaptured?.length
      ? { notCaptured: evidence.notCaptured.map((n) => ({ ...n, message: notCapturedText(n) })) }
      : {}),
    ...(state.host.sudo
      ? { analysedUser: { name: state.host.sudo.user, via: 'sudo' as const, env: state.host.sudo.env } }
      : {}),
    docker: {
      engine: state.docker.engineText,
      daemon: state.docker.daemon,
      desktop: state.docker.desktop,
      rootless: state.docker.rootless,
      buildx: state.docker.buildx,
    },
  };
  return { report, state, profile };
}

export function exitCodeFor(findings: Finding[]): 0 | 1 {
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
