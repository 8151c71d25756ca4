// Under sudo the doctor runs as root but diagnoses the user who typed the command: their shell, their
// ~/.docker, their builders. sudo's env_reset (the default) drops that user's proxy variables, so the capture
// recovers them from the sudo process itself (its /proc/PID/environ is the environment sudo was started with).
// Pure helpers here; reading /proc is in node/probes/invoker.ts.
import { PROXY_VARS } from '../proxy/env.js';

/** Who was analysed when buildproxy ran under sudo (evidence host.sudo). */
export interface SudoEvidence {
  /** SUDO_USER: the user whose client, run steps and ~/.docker were analysed */
  user: string;
  uid: number;
  /** recovered: read from the parent sudo process; unknown: that process could not be found or read */
  env: 'recovered' | 'unknown';
  /** proxy variables set in the user's environment that sudo did not pass on (env_reset) */
  dropped: string[];
}

/** The fields of /proc/PID/stat that matter: the name (in parentheses, may hold spaces or ")") and the parent. */
export function parseProcStat(raw: string): { comm: string; ppid: number } | null {
  const open = raw.indexOf('(');
  const close = raw.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  // after ") ": state, then ppid
  const rest = raw.slice(close + 2, close + 64).split(' ');
  const ppid = Number(rest[1]);
  return Number.isInteger(ppid) && ppid >= 0 ? { comm: raw.slice(open + 1, close), ppid } : null;
}

/** Real and effective uid from /proc/PID/status ("Uid:\treal\teffective\tsaved\tfs"). */
export function parseProcUids(raw: string): { real: number; effective: number } | null {
  const at = raw.indexOf('\nUid:');
  const start = at >= 0 ? at + 5 : raw.startsWith('Uid:') ? 4 : -1;
  if (start < 0) return null;
  const end = raw.indexOf('\n', start);
  const f = raw
    .slice(start, end < 0 ? undefined : end)
    .trim()
    .split(/\s+/);
  const real = Number(f[0]);
  const effective = Number(f[1]);
  return Number.isInteger(real) && Number.isInteger(effective) ? { real, effective } : null;
}

/** The proxy variables (either case) the user had that the environment under sudo lacks. */
export function droppedBySudo(
  invoking: Record<string, string | undefined>,
  current: Record<string, string | undefined>,
): string[] {
  const names = PROXY_VARS.flatMap((v) => [v, v.toLowerCase()]);
  return names.filter((n) => Boolean(invoking[n]) && !current[n]);
}
