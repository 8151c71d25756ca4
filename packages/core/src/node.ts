// Node-only entry: probes that touch the machine.
export { type CaptureOptions, captureEvidence } from './evidence/probes/capture.js';
export { type Exec, type ExecOptions, execCommand } from './evidence/probes/exec.js';
