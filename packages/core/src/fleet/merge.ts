// Many machines' `doctor --json` (buildproxy.report/v1) merged into one view: machines × actors × rules, the most
// common failure first. Pure: the CLI reads the files (bounded, no symlinks or FIFOs) and hands their text here.
// Every string in a report came from another machine, so each is capped, redacted and made safe for a terminal
// before it is kept: a machine name holding ESC[2J or a password prints as text, never as an effect.
import { z } from 'zod';
import { ACTORS } from '../analyze/types.js';
import { redactAll } from '../proxy/redact.js';
import { REPORT_FORMAT } from '../report.js';
import { safeForTerminal } from '../terminal.js';

export const FLEET_FORMAT = 'buildproxy.fleet/v1';
/** Longer names and titles are cut: a report is for people to read, not a channel for megabytes of text. */
const MAX_TEXT = 200;

export type FleetVerdict = 'ok' | 'warning' | 'error' | 'unknown';
export type FleetSeverity = 'error' | 'warning' | 'info';

export interface FleetMachine {
  name: string;
  errors: number;
  warnings: number;
  /** actor → verdict, for the actors this machine's report has */
  actors: Record<string, FleetVerdict>;
  rules: string[];
}

export interface FleetFailure {
  rule: string;
  severity: FleetSeverity;
  actor: string;
  title: string;
  machines: string[];
}

export interface FleetSkip {
  name: string;
  problem: string;
}

export interface FleetReport {
  format: typeof FLEET_FORMAT;
  machines: FleetMachine[];
  /** one entry per rule × actor × severity, most machines first, errors before warnings on a tie */
  failures: FleetFailure[];
  /** files that were not merged, and why */
  skipped: FleetSkip[];
  /** the actor columns, in the doctor's order, then any newer actor names */
  actors: string[];
}

/** Outside text, made safe to keep: capped, secrets masked, control and bidi characters shown escaped. */
export function fleetText(s: string): string {
  // Redacted before it is cut, so a cut cannot split a password out of the URL that marks it as one.
  const masked = redactAll(s);
  return safeForTerminal(masked.length > MAX_TEXT ? `${masked.slice(0, MAX_TEXT)}…` : masked);
}

// Only what the merge reads is checked; a newer doctor's extra fields pass through unread.
const ReportShape = z.object({
  format: z.literal(REPORT_FORMAT),
  findings: z
    .array(
      z.object({
        rule: z.string(),
        severity: z.enum(['error', 'warning', 'info']),
        actor: z.string(),
        title: z.string(),
      }),
    )
    .max(10_000),
  actors: z.record(z.string(), z.object({ verdict: z.string() })),
});

/** Each parsed machine's findings, for mergeFleet; never part of the printed report. */
const FINDINGS = new WeakMap<FleetMachine, z.infer<typeof ReportShape>['findings']>();

const VERDICTS = new Set<string>(['ok', 'warning', 'error', 'unknown']);
const SEVERITY_RANK: Record<FleetSeverity, number> = { error: 0, warning: 1, info: 2 };

/** One file's text → its machine, or why it was skipped (a message naming what is wrong and what to do). */
export function parseCapture(name: string, text: string): FleetMachine | FleetSkip {
  const shown = fleetText(name);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      name: shown,
      problem: `not JSON (${fleetText(e instanceof Error ? e.message : String(e))}); write it with buildproxy doctor --json > FILE`,
    };
  }
  const r = ReportShape.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue?.path.length ? ` at ${fleetText(issue.path.join('.'))}` : '';
    return {
      name: shown,
      problem: `not a ${REPORT_FORMAT} report${where}: ${fleetText(issue?.message ?? 'unexpected shape')}; write it with buildproxy doctor --json > FILE`,
    };
  }
  const actors: Record<string, FleetVerdict> = {};
  for (const [actor, a] of Object.entries(r.data.actors).slice(0, 32))
    actors[fleetText(actor)] = VERDICTS.has(a.verdict) ? (a.verdict as FleetVerdict) : 'unknown';
  const findings = r.data.findings;
  const machine: FleetMachine = {
    name: shown,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    actors,
    rules: [...new Set(findings.filter((f) => f.severity !== 'info').map((f) => fleetText(f.rule)))],
  };
  FINDINGS.set(machine, findings); // carried to mergeFleet without a second parse, and kept out of the JSON
  return machine;
}

export function isSkip(m: FleetMachine | FleetSkip): m is FleetSkip {
  return 'problem' in m;
}

/** Merge parsed machines (and the skipped files) into the fleet view. */
export function mergeFleet(parsed: (FleetMachine | FleetSkip)[]): FleetReport {
  const machines = parsed.filter((p): p is FleetMachine => !isSkip(p));
  const skipped = parsed.filter(isSkip);
  const byKey = new Map<string, FleetFailure>();
  for (const m of machines) {
    for (const f of FINDINGS.get(m) ?? []) {
      if (f.severity === 'info') continue; // notes are not failures
      const rule = fleetText(f.rule);
      const actor = fleetText(f.actor);
      const key = JSON.stringify([rule, actor, f.severity]);
      const entry = byKey.get(key) ?? {
        rule,
        severity: f.severity,
        actor,
        title: fleetText(f.title),
        machines: [],
      };
      if (!entry.machines.includes(m.name)) entry.machines.push(m.name);
      byKey.set(key, entry);
    }
  }
  const failures = [...byKey.values()].sort(
    (a, b) =>
      b.machines.length - a.machines.length ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.rule.localeCompare(b.rule) ||
      a.actor.localeCompare(b.actor),
  );
  const seen = new Set(machines.flatMap((m) => Object.keys(m.actors)));
  const known: string[] = ACTORS.filter((a) => seen.has(a));
  const actors = [...known, ...[...seen].filter((a) => !known.includes(a)).sort()];
  return {
    format: FLEET_FORMAT,
    machines,
    failures,
    skipped,
    actors,
  };
}

/** Like the doctor: 1 when any machine has an error finding, else 0 (the CLI adds 2 for skipped files). */
export function fleetExitCode(r: FleetReport): 0 | 1 {
  return r.machines.some((m) => m.errors > 0) ? 1 : 0;
}
