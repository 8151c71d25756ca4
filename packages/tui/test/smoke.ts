// The same checks for every shipped form of buildproxy (the installed npm tarball, the single executable): run
// from a clean temp directory with a bare environment, each command must start and answer like the dev build.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A throw-away directory: an empty --root (no docker, no daemons) and a home. */
export function scratch(): { dir: string; root: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'buildproxy-ship-'));
  const root = join(dir, 'root');
  mkdirSync(join(root, 'proc'), { recursive: true });
  mkdirSync(join(root, 'home/alice'), { recursive: true });
  return { dir, root, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function runIn(
  exe: string,
  args: string[],
  opts: { cwd: string; env: Record<string, string>; input?: string },
): Run {
  const r = spawnSync(exe, args, {
    cwd: opts.cwd,
    env: opts.env,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** --version, doctor, plan, why, mcp, and the wizard's non-interactive flow, each from `cwd` with `env` only. */
export function smoke(exe: string, version: string, cwd: string, root: string, env: Record<string, string>) {
  const run = (args: string[], input?: string) => runIn(exe, args, { cwd, env, ...(input ? { input } : {}) });

  const v = run(['--version']);
  expect(v).toMatchObject({ code: 0, stdout: `${version}\n` });

  // An empty machine: no docker at all. The report is v1 JSON; findings may make it exit 1, never 2 or 70.
  const d = run(['doctor', '--json', '--root', root, '--timeout', '5000']);
  expect([0, 1], d.stderr).toContain(d.code);
  const report = JSON.parse(d.stdout);
  expect(report.format).toBe('buildproxy.report/v1');
  expect(Array.isArray(report.findings)).toBe(true);

  const p = run(['plan', '--root', root, '--proxy', 'http://alice:s3cr%2Ft@proxy.corp.example:3128']);
  expect([0, 1], p.stderr).toContain(p.code);
  expect(p.stdout + p.stderr).not.toContain('s3cr');

  const w = run(['why', '--json'], "E: Could not resolve 'deb.debian.org'\n");
  expect(w.code, w.stderr).toBe(1); // a failure was recognised
  expect(JSON.parse(w.stdout).reading).toMatchObject({ actor: 'run', rules: ['run-proxy-missing'] });

  // The MCP server answers over stdio: initialize, then tools/list, then stdin closes and it exits.
  const rpc = (id: number, method: string, params: object) =>
    JSON.stringify({ jsonrpc: '2.0', id, method, params });
  const mcp = run(
    ['mcp'],
    [
      rpc(1, 'initialize', {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'smoke', version: '0' },
      }),
      JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
      rpc(2, 'tools/list', {}),
      '',
    ].join('\n'),
  );
  expect(mcp.code, mcp.stderr).toBe(0);
  const answers = mcp.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(answers[0].result.serverInfo).toMatchObject({ name: 'buildproxy', version });
  expect(answers[1].result.tools.map((t: { name: string }) => t.name).sort()).toEqual([
    'doctor',
    'explain',
    'plan',
    'route',
    'why',
  ]);

  // The wizard's code (Ink, React, yoga) loads for its help and for its flow without a terminal.
  const wh = run(['--help', 'wizard']);
  expect(wh.code, wh.stderr).toBe(0);
  expect(wh.stdout).toMatch(/The guided setup/);
  const flow = run([
    '--root',
    root,
    '--proxy',
    'http://proxy.corp.example:3128',
    '--target',
    'docker-cli-config',
    '--act',
    'print',
    '--yes',
    '--no-color',
  ]);
  expect([0, 1], flow.stderr).toContain(flow.code);
  expect(flow.stdout).toMatch(/1\. Detect[\s\S]*5\. Review[\s\S]*config\.json/);
}

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** The interactive wizard in a real terminal (tmux, 80×24): its first screen must render. */
export async function wizardStarts(command: string, root: string): Promise<string> {
  expect(hasTmux, 'tmux is needed (pnpm test installs it)').toBe(true);
  const session = `bp-ship-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
  tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', `${command} --root ${root}; sleep 30`);
  try {
    const end = Date.now() + 15_000;
    let screen = '';
    while (Date.now() < end) {
      screen = tmux('capture-pane', '-p', '-t', session);
      if (/buildproxy · step \d\/8/.test(screen) && /What we found|Your network/.test(screen)) return screen;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the wizard never drew its first screen:\n${screen}`);
  } finally {
    spawnSync('tmux', ['kill-session', '-t', session]);
  }
}
