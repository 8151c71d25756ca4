// Find running daemons and read the environment they started with (/proc/<pid>/environ).
// Synchronous reads: hundreds of tiny /proc files cost more in thread-pool round trips than in reading.
import { readdirSync as readdir, readFileSync as readFile } from 'node:fs';
import { DAEMON_PROCESSES } from '../../evidence/canonical.js';
import type { ProcessInfo } from '../../evidence/schema.js';
import { pickRelevant } from '../../proxy/env.js';
import { underRoot } from './files.js';

export function parseEnviron(raw: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of raw.split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}

export async function scanProcesses(rootDir: string | undefined): Promise<ProcessInfo[]> {
  // --root DIR holds a file tree; its daemons are this machine's unless DIR has a proc/ of its own.
  let root = rootDir;
  let pids: string[];
  try {
    pids = readdir(underRoot(root, '/proc')).filter((n) => /^\d+$/.test(n));
  } catch {
    if (root === undefined) return [];
    root = undefined;
    try {
      pids = readdir('/proc').filter((n) => /^\d+$/.test(n));
    } catch {
      return [];
    }
  }
  const found = await Promise.all(
    pids.map(async (pid): Promise<ProcessInfo | null> => {
      let name: string;
      try {
        name = readFile(underRoot(root, `/proc/${pid}/comm`), 'utf8').trim();
      } catch {
        return null;
      }
      if (!(DAEMON_PROCESSES as readonly string[]).includes(name)) return null;
      let env: Record<string, string> | null = null;
      try {
        env = pickRelevant(parseEnviron(readFile(underRoot(root, `/proc/${pid}/environ`), 'utf8')));
      } catch {
        env = null;
      }
      return { name, pid: Number(pid), env };
    }),
  );
  return found.filter((p): p is ProcessInfo => p !== null).sort((a, b) => a.pid - b.pid);
}
