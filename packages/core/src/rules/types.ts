// A rule: one way a proxy setup goes wrong, with the text a person reads and a pure check over the state.
import type { Actor, Profile, ProfileInput, State } from '../analyze/types.js';
import type { MachineSpec } from '../machines/synth.js';
import type { MsgRef } from '../messages/ref.js';
import type { Target } from '../targets.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: string;
  severity: Severity;
  actor: Actor;
  title: string;
  message: string;
  /** the message as a typed id with its values (masked as `message` is), for pages in other languages; every
   * rule's finding has one (a finding the planner or the wizard makes for itself may not) */
  msg?: MsgRef;
  evidence: string[];
}

export interface FindingDraft {
  message: string;
  /** the same message as a typed id and values; its English template reproduces `message` exactly */
  msg: MsgRef;
  evidence: string[];
  actor?: Actor;
  severity?: Severity;
}

export interface RuleExample {
  title: string;
  machine: MachineSpec;
  profile?: ProfileInput;
}

/** A rule's examples (rules/<id>/examples.ts, by id in RULE_EXAMPLES): kept apart from the check. */
export interface RuleExamples {
  bad: RuleExample;
  good: RuleExample;
}

export interface Reference {
  title: string;
  url: string;
}

/** A rule's prose, kept in rules/<id>/text.ts (see RULE_TEXTS). */
export interface RuleText {
  /** markdown: why it happens, which actor, how to verify */
  explanation: string;
  /** markdown, naming the plan targets */
  fix: string;
}

export interface Rule {
  id: string;
  title: string;
  severity: Severity;
  actor: Actor;
  summary: string;
  /** plan generator targets that resolve it */
  targets: Target[];
  references: Reference[];
  check(state: State, profile: Profile): FindingDraft[];
}
