// buildproxy.evidence/v1 — everything the doctor saw, raw, so a diagnosis can be replayed anywhere.
// Types only: the zod validator lives in validate.ts, so code that never parses a bundle does not load zod.

import type { HostNetEvidence } from '../formats/proc-net.js';
import type { NetworkEvidence } from './network.js';
import type { PacEvidence } from './pac.js';
import type { WslHost } from './platforms.js';
import type { SudoEvidence } from './sudo.js';

export const EVIDENCE_FORMAT = 'buildproxy.evidence/v1';

export interface CommandResult {
  argv: string[];
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  error?: 'not-found' | 'timeout' | 'spawn-failed';
  durationMs: number;
  /** set when the answer came another way than running argv, e.g. "GET /info on unix:///var/run/docker.sock" */
  via?: string;
}

export interface ProcessInfo {
  name: string;
  pid: number;
  env: Record<string, string> | null;
  /** /proc/PID/cmdline (capped); passwords masked in a capture, like env */
  argv?: string[];
  /** unix socket paths this process listens on (its fds' inodes found in /proc/PID/net/unix), and its listening
   * TCP sockets as "tcp://ADDR:PORT" (/proc/PID/net/tcp, tcp6); absent when the fds could not be read (another
   * user's daemon) — then argv and pidfiles tie it to an address */
  sockets?: string[];
}

/**
 * A part of the machine a capture did not see, and the path it lacked. Under --root DIR: `processes` (the running
 * daemons: their environment, command lines and sockets) without DIR/proc, `net` (listening TCP sockets, docker0's
 * address) without DIR/proc/net/tcp. Never filled from this host's /proc instead.
 */
export interface NotCaptured {
  part: 'processes' | 'net';
  /** the absolute path the tree lacks, as in `files` (`/proc`, `/proc/net/tcp`) */
  missing: string;
}

export interface Evidence {
  format: typeof EVIDENCE_FORMAT;
  capturedAt: string;
  /** platform: process.platform of the probing process (WSL reports linux); home in the platform's own form;
   * uid null on win32; wsl (Linux only): null = checked, not WSL; absent = not checked (older bundles, macOS,
   * Windows). See ARCHITECTURE.md "Platforms evidence contract". home and uid are the analysed user's:
   * SUDO_USER's under sudo (then `sudo` says so), else this process's. */
  host: { platform: string; home: string; uid: number | null; wsl?: WslHost | null; sudo?: SudoEvidence };
  env: Record<string, string>;
  files: Record<string, string | null>;
  commands: CommandResult[];
  processes: ProcessInfo[];
  dockerfile?: { path: string; content: string } | null;
  /** the build command given with --command, and the folder it runs in (compose files are read from there) */
  buildCommand?: { text: string; cwd: string } | null;
  /** files that exist but could not be read (permission denied): their content is unknown, not absent */
  unreadable?: string[];
  /** files larger than the capture reads (1 MiB): their content is unknown, not absent or truncated */
  oversize?: string[];
  /** this host's listening TCP sockets and docker0's address, from /proc/net (Linux captures) */
  net?: HostNetEvidence;
  /** what this capture could not see (absent: nothing left out); see NotCaptured */
  notCaptured?: NotCaptured[];
  /** what the proxies and registries answered (`doctor --network`); absent without it */
  network?: NetworkEvidence;
  /** the PAC file the machine names and its answers for the hosts a build needs (`doctor --network`) */
  pac?: PacEvidence;
}

export class EvidenceFormatError extends Error {}

export function findCommand(ev: Evidence, argv: readonly string[]): CommandResult | undefined {
  return ev.commands.find((c) => c.argv.length === argv.length && c.argv.every((a, i) => a === argv[i]));
}
