// @buildproxy/core — pure domain: runs in Node and in the browser. Node-only probes live in ./node.ts, the zod
// validators for bundles and plan files in ./validate.ts (loaded only by what parses a file).

export { resolveProfile } from './analyze/profile.js';
export { analyze } from './analyze/state.js';
export type * from './analyze/types.js';
export * from './evidence/canonical.js';
export { maskEvidence } from './evidence/mask.js';
export * from './evidence/schema.js';
export * as fixtures from './machines/fixtures.js';
export { type BuilderSpec, type MachineSpec, synthesize } from './machines/synth.js';
export { csvField, envFileLine, fishQuote, parseCsvLine, shQuote, systemdAssignment } from './plan/encode.js';
export {
  isTarget,
  makePlan,
  PLAN_FORMAT,
  type Plan,
  PlanError,
  PlanFormatError,
  TARGETS,
  type Target,
} from './plan/index.js';
export { daemonTarget, defaultTargets } from './plan/select.js';
export { withCommands, withFiles } from './plan/simulate.js';
export type { FileChange, PlanCommand, PlanSnippet } from './plan/types.js';
export * from './proxy/env.js';
export { goParseProxy, goParseUrl } from './proxy/go-url.js';
export * from './proxy/no-proxy-curl.js';
export * from './proxy/no-proxy-go.js';
export { goBypass } from './proxy/no-proxy-go.js';
export * from './proxy/redact.js';
export * from './proxy/url.js';
export * from './report.js';
export { type Route, routeUrl } from './route.js';
export { closestRules, findRule, RULES } from './rules/index.js';
export { describeMachine, ruleMarkdown, type Snippet } from './rules/markdown.js';
export { RULE_TEXTS } from './rules/texts.js';
export type { Finding, Rule, RuleExample, RuleText, Severity } from './rules/types.js';
export {
  CAUSES,
  type CauseFamily,
  type CauseId,
  classifyError,
  type ErrorReading,
  FAMILY_IS_PROXY,
  MAX_ERROR_TEXT,
  readError,
  SIGNATURES,
  type WhyMatch,
} from './why/index.js';
export const DOCS_BASE = 'https://buildproxy.dev';
