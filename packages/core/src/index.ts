// @buildproxy/core — pure domain: runs in Node and in the browser. Named entry points for smaller bundles:
// ./report, ./proxy, ./evidence, ./plan, ./validate (zod, loaded only by what parses a file), ./node (probes and
// apply: Node-only) and ./testing (example machines). This file re-exports the pure ones by name.

export { commandOf, commandText, composePaths } from './analyze/command.js';
export { resolveProfile, splitNoProxy } from './analyze/profile.js';
export {
  EMPTY_PROFILE_FORM,
  formFromInput,
  formFromProfile,
  listField,
  type ProfileForm,
  profileFlags,
  profileFromForm,
} from './analyze/profile-form.js';
export { analyze } from './analyze/state.js';
export {
  proxySuggestions,
  type SuggestedProxy,
  type SuggestedProxySource,
  suggestedProxy,
} from './analyze/suggested-proxy.js';
export type {
  Actor,
  ActorState,
  BuilderState,
  DaemonJson,
  DockerfileFacts,
  EffectiveProxy,
  Layer,
  Netns,
  Origin,
  Profile,
  ProfileInput,
  State,
  VarValue,
} from './analyze/types.js';
export { ACTORS } from './analyze/types.js';
export { type EngineCommand, type EngineTool, parseEngineCommand } from './command/engines.js';
export { type BuildArg, type BuildCommand, type BuildTool, parseBuildCommand } from './command/parse.js';
export * from './evidence/index.js';
export {
  type ContainersConf,
  type ContainersConfResult,
  type EnvEntry,
  parseContainersConf,
} from './formats/containers-conf.js';
export {
  DOCKER_HUB_HOSTS,
  neededHosts,
  type PlannedRoute,
  type ProbeHost,
  planNetworkProbes,
} from './network/probe-plan.js';
export {
  type AnsibleBundle,
  type AnsibleLeftOut,
  ansibleFromPlan,
  type JsonEdits,
  jsonEdits,
} from './plan/ansible.js';
export {
  availableTargets,
  csvField,
  daemonTarget,
  defaultTargets,
  envFileLine,
  type FileChange,
  fishQuote,
  isTarget,
  makePlan,
  makeRemovalPlan,
  type PartialResolution,
  PLAN_FORMAT,
  type Plan,
  type PlanCommand,
  PlanError,
  PlanFormatError,
  type PlanResult,
  type PlanSnippet,
  type Preselection,
  parseCsvLine,
  preselectTargets,
  type RemovalResult,
  removalReads,
  shQuote,
  shUnquote,
  systemdAssignment,
  TARGETS,
  type Target,
  type TargetChoice,
  targetForError,
  withCommands,
  withFiles,
} from './plan/index.js';
export * from './proxy/index.js';
export {
  buildReport,
  diagnose,
  exitCodeFor,
  MARKS,
  type MarkKind,
  type MarkStyle,
  markOf,
  notCapturedLines,
  notCapturedText,
  REPORT_FORMAT,
  type Report,
  type ReportActor,
} from './report.js';
export { type Route, type RouteActor, routeUrl } from './route.js';
export { type ExampleTitlesZhCn, RULE_EXAMPLE_TITLES_ZH_CN } from './rules/example-titles-zh-cn.js';
export { examplesOf, RULE_EXAMPLES } from './rules/examples.js';
export { closestRules, findRule, RULES } from './rules/index.js';
export { describeMachine, ruleMarkdown, type Snippet } from './rules/markdown.js';
export { MEASURED_RULES } from './rules/network.js';
export { RULE_TEXTS } from './rules/texts.js';
export { RULE_TEXTS_ZH_CN, type RuleTextTranslation } from './rules/texts-zh-cn.js';
export type { Finding, Rule, RuleExample, RuleExamples, RuleText, Severity } from './rules/types.js';
export { type SanitizeCounter, type SanitizeOptions, safeForTerminal } from './terminal.js';
export {
  CAUSE_TITLES_ZH_CN,
  CAUSES,
  type CauseFamily,
  type CauseId,
  classifyError,
  type ErrorReading,
  FAMILY_IS_PROXY,
  MAX_ERROR_TEXT,
  readError,
  signatures,
  type WhyMatch,
} from './why/index.js';
export const DOCS_BASE = 'https://buildproxy.dev';
export { MESSAGES_EN } from './messages/en.js';
export type { MessageId, MessageValues } from './messages/ids.js';
export { type MsgRef, mapValues, renderMsg, type Templates } from './messages/ref.js';
export { type Part, plainText, type Rich } from './messages/rich.js';
export { MESSAGES_ZH_CN, PROXY_PROBLEM_ZH_CN } from './messages/zh-cn.js';
export { PLAN_SENTENCES, type PlanSentenceId, sentence, sentenceOf, slotsOf } from './plan/sentences.js';
export { PLAN_SENTENCES_ZH_CN } from './plan/sentences-zh-cn.js';
export { TARGET_LABELS, type TargetLabelLang } from './target-labels.js';
export * from './verify/index.js';
