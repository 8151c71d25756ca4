// Test helpers: a throw-away machine in a temp dir — fake executables on PATH, a file tree for --root,
// fake /proc entries — and the real built CLI run against it.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandResult, Evidence } from '@buildproxy/core';

export const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');

export interface Machine {
  dir: string;
  bin: string;
  root: string;
  home: string;
}

export function makeMachine(): Machine {
  const dir = mkdtempSync(join(tmpdir(), 'buildproxy-test-'));
  const m = { dir, bin: join(dir, 'bin'), root: join(dir, 'root'), home: '/home/alice' };
  mkdirSync(m.bin);
  mkdirSync(join(m.root, 'home/alice'), { recursive: true });
  mkdirSync(join(m.root, 'proc')); // no daemons unless a test adds them
  return m;
}

function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A fake executable answering exact argument lists; anything else exits 1 with "unknown command". */
export function fakeBin(
  m: Machine,
  name: string,
  cases: { args: string[]; stdout?: string; stderr?: string; code?: number; sleep?: boolean }[],
): void {
  const lines = ['#!/bin/sh', 'args="$*"', 'case "$args" in'];
  for (const c of cases) {
    lines.push(`  ${shQuote(c.args.join(' '))})`);
    if (c.sleep) lines.push('    exec /bin/sleep 1000 ;;');
    else {
      if (c.stdout) lines.push(`    printf '%s' ${shQuote(c.stdout)}`);
      if (c.stderr) lines.push(`    printf '%s' ${shQuote(c.stderr)} >&2`);
      lines.push(`    exit ${c.code ?? 0} ;;`);
    }
  }
  lines.push(`  *) echo "${name}: unknown command: $args" >&2; exit 1 ;;`, 'esac', '');
  const path = join(m.bin, name);
  writeFileSync(path, lines.join('\n'));
  chmodSync(path, 0o755);
}

/** Turn a synthesised bundle into a machine: its commands become fake docker/systemctl, its files a tree. */
export function machineFrom(ev: Evidence): Machine {
  const m = makeMachine();
  const byBin = new Map<string, CommandResult[]>();
  for (const c of ev.commands) {
    if (c.error === 'not-found') continue;
    const list = byBin.get(c.argv[0]!) ?? [];
    list.push(c);
    byBin.set(c.argv[0]!, list);
  }
  for (const [bin, cmds] of byBin) {
    fakeBin(
      m,
      bin,
      cmds.map((c) => ({ args: c.argv.slice(1), stdout: c.stdout, stderr: c.stderr, code: c.exitCode ?? 1 })),
    );
  }
  for (const [path, content] of Object.entries(ev.files)) {
    if (content === null) continue;
    mkdirSync(join(m.root, dirname(path)), { recursive: true });
    writeFileSync(join(m.root, path), content);
  }
  for (const p of ev.processes) {
    const d = join(m.root, 'proc', String(p.pid));
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'comm'), `${p.name}\n`);
    if (p.env)
      writeFileSync(
        join(d, 'environ'),
        Object.entries(p.env)
          .map(([k, v]) => `${k}=${v}\0`)
          .join(''),
      );
  }
  if (ev.dockerfile) writeFileSync(join(m.dir, 'Dockerfile'), ev.dockerfile.content);
  return m;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runCli(
  args: string[],
  opts: { m?: Machine; env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  const m = opts.m;
  const env: Record<string, string> = {
    PATH: m ? m.bin : '/nonexistent',
    HOME: m ? m.home : '/nonexistent-home',
    ...opts.env,
  };
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? m?.dir ?? tmpdir(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`buildproxy ${args.join(' ')} did not finish in ${opts.timeoutMs ?? 15000} ms`));
    }, opts.timeoutMs ?? 15000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - start });
    });
  });
}
