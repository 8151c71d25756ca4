// @buildproxy/core/evidence — the evidence bundle (buildproxy.evidence/v1): its shape, the exact probes and files
// it records, and masking. Capturing one is Node-only: @buildproxy/core/node.
export {
  buildkitdTomlPaths,
  buildxCurrentPath,
  buildxInspectNamed,
  buildxInstancePath,
  CMD,
  cliConfigPath,
  containerInspect,
  DAEMON_PROCESSES,
  DEFAULT_DOCKER_HOST,
  daemonJsonPath,
  dockerConfigDir,
  dropInDirs,
  type FileContext,
  fixedFiles,
  LEGACY_DOCKER_ENV_FILES,
  proxyShPath,
  SYSTEMCTL_PROPS,
  shellRcPath,
  systemctlShow,
  type Unit,
  unitFileCandidates,
} from './canonical.js';
export { maskEvidence } from './mask.js';
export type {
  CertSummary,
  ConnectProbe,
  ConnectResult,
  DialResult,
  HostProbe,
  NetworkEvidence,
  NetworkRoute,
  TlsProbe,
} from './network.js';
export type { PacAnswer, PacEvidence, PacFetchResult } from './pac.js';
export * from './platforms.js';
export {
  type CommandResult,
  EVIDENCE_FORMAT,
  type Evidence,
  EvidenceFormatError,
  findCommand,
  type NotCaptured,
  type ProcessInfo,
} from './schema.js';
