// Node-only entry: probes that touch the machine.

export { dropInEnvironment } from '../analyze/daemon-config.js';
export {
  type ApplyOptions,
  type ApplyResult,
  applyPlan,
  type ChangeOutcome,
  defaultLockPath,
} from './apply/apply.js';
export type { FileOpResult } from './apply/file-op.js';
export { LockBusyError } from './apply/lock.js';
export { fileOpChild, safeRemove, safeWrite, writePrivateFile } from './apply/safe-write.js';
export { readJournal, type UndoOutcome, undoPlan } from './apply/undo.js';
export { capturePac, type PacCaptureOptions } from './pac/capture.js';
export { evaluatePac, type PacEvalOptions, type PacEvaluation } from './pac/evaluate.js';
export { fetchPac, PAC_MAX_BYTES, type PacFetched, type PacFetchOptions } from './pac/fetch.js';
export { type CaptureOptions, captureEvidence } from './probes/capture.js';
export { type Exec, type ExecOptions, execCommand, stopAllCommands } from './probes/exec.js';
export { type Bounded, readBounded, readText } from './probes/files.js';
export { type NetworkProbeOptions, probeNetwork } from './probes/network.js';
export { captureNetwork, inspectingCa } from './probes/network-capture.js';
export { type RunVerifyOptions, runVerify } from './verify/run.js';
export { type TokenResult, tokenRequest } from './verify/token.js';
