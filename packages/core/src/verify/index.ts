// `buildproxy verify`: the pure half (what to run, how to read a failure); the node half runs it.
export {
  AFTER_APPLY_STEPS,
  type AfterApply,
  type AfterApplyInput,
  afterApply,
  EXIT_VERIFY_FAILED,
} from './after-apply.js';
export { DEFAULT_VERIFY_IMAGE, type DigestRef, ImageRefError, parseDigestRef } from './image.js';
export { readStepFailure, type StepReading } from './read.js';
export {
  redactKeeping,
  VERIFY_FORMAT,
  type VerifyCleanup,
  type VerifyReport,
  type VerifyStepResult,
  verifyExitCode,
} from './report.js';
export {
  type BuildRoute,
  buildArgv,
  buildRoute,
  registryUrl,
  STEP_ACTOR,
  URL_ARG,
  VERIFY_STEPS,
  type VerifyOptions,
  type VerifyStepId,
  verifyDockerfile,
} from './steps.js';
