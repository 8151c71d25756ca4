// macOS and Windows cannot run here: doctor, route, why, explain and plan are run on the contract bundles built
// from documented outputs (core/test/fixtures/platforms), which carry host.platform darwin/win32 and Windows paths.
// apply refuses on win32 (its safety rules are POSIX), checked in-process with the platform injected.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apply } from '../src/commands/apply.js';
import { UsageError } from '../src/errors.js';
import type { Io } from '../src/io.js';
import { runCli } from './helpers.js';

const DIR = join(import.meta.dirname, '../../core/test/fixtures/platforms');
const WIN = join(DIR, 'desktop-win-loopback-mirrored.json');
const MAC = join(DIR, 'desktop-mac-pac.json');
const WSL = join(DIR, 'wsl-autoproxy-pac.json');

describe('replaying darwin and win32 bundles', () => {
  it('doctor on Windows: Desktop loopback proxy with WSL mirrored, Windows paths in the evidence', async () => {
    const r = await runCli(['doctor', '--from', WIN, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const f = report.findings.find((x: { rule: string }) => x.rule === 'desktop-loopback-proxy');
    expect(f.evidence).toContain('C:\\Users\\alice\\.wslconfig');
    expect(report.docker.desktop).toBe(true);
  });

  it('plan on Windows prints Desktop steps and PowerShell lines, no POSIX file', async () => {
    const r = await runCli(['plan', '--from', WIN, '--proxy', 'http://proxy.corp.example:3128', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout);
    const texts = plan.snippets.map((s: { text: string }) => s.text).join('\n');
    expect(texts).toContain('Manual proxy configuration: on');
    expect(texts).toContain("$env:HTTPS_PROXY = 'http://proxy.corp.example:3128'");
    expect(texts).toContain("[Environment]::SetEnvironmentVariable('HTTPS_PROXY'");
    for (const c of plan.changes) expect(c.path).not.toMatch(/^\/(etc|home)\//);
  });

  it('plan on macOS edits zsh start-up, the default login shell', async () => {
    const r = await runCli(['plan', '--from', MAC, '--proxy', 'http://proxy.corp.example:3128', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const paths = JSON.parse(r.stdout).changes.map((c: { path: string }) => c.path);
    expect(paths).toContain('/Users/alice/.config/buildproxy/proxy.sh');
  });

  it('route and why replay a WSL bundle', async () => {
    const route = await runCli(['route', 'https://registry-1.docker.io/v2/', '--from', WSL, '--json']);
    expect(route.code, route.stderr).toBe(0);
    // autoProxy left HTTPS_PROXY empty: the client goes direct to an https registry
    expect(JSON.parse(route.stdout).actors.client.verdict).toBe('direct');
    const why = await runCli([
      'why',
      'proxyconnect tcp: dial tcp 127.0.0.1:7897: connect: connection refused',
    ]);
    expect(why.code).not.toBe(2);
    const explain = await runCli(['explain', 'wsl-autoproxy-https-missing']);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('microsoft/WSL#40945');
  });
});

describe('apply on win32', () => {
  it('refuses with a clear message before reading the plan', async () => {
    const io: Io = {
      out: () => {},
      err: () => {},
      style: () => ({}) as never,
      env: {},
      stdoutIsTTY: false,
      stdinIsTTY: false,
      platform: 'win32',
    };
    await expect(apply(['C:\\plan.json', '--yes'], io)).rejects.toThrow(UsageError);
    await expect(apply(['C:\\plan.json', '--yes'], io)).rejects.toThrow(/does not run on Windows.*POSIX/);
  });
});
