// @buildproxy/core/report — what the doctor loads once its probes are in flight: the report and its exit code,
// a rule by id, and the reading of a pasted build error. A small entry, so dist/report.cjs stays small.

export { pacSourceOf } from './analyze/pac.js';
export { analyze } from './analyze/state.js';
export {
  FLEET_FORMAT,
  type FleetFailure,
  type FleetMachine,
  type FleetReport,
  type FleetSkip,
  fleetExitCode,
  fleetText,
  isSkip,
  mergeFleet,
  parseCapture,
} from './fleet/merge.js';
export {
  buildReport,
  diagnose,
  exitCodeFor,
  MARKS,
  type MarkKind,
  type MarkStyle,
  markOf,
  REPORT_FORMAT,
  type Report,
  type ReportActor,
} from './report.js';
export { findRule } from './rules/index.js';
export { type ErrorReading, readError } from './why/index.js';
