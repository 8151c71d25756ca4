// The built CLI says Docker Desktop's restart as it says dockerd's: a command under "Then run:" with its reason,
// marked disruptive, and desktop-loopback-proxy under "Resolves after the commands run", not "once written".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplesOf, findRule } from '@buildproxy/core';
import { type MachineSpec, synthesize } from '@buildproxy/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'buildproxy-plan-desktop-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('plan --target desktop-settings', () => {
  it('ends with `docker desktop restart` and resolves the loopback proxy after it', async () => {
    const bundle = join(work, 'desktop.json');
    writeFileSync(
      bundle,
      JSON.stringify(synthesize(examplesOf(findRule('desktop-loopback-proxy')!).bad.machine as MachineSpec)),
    );
    const args = [
      'plan',
      '--from',
      bundle,
      '--proxy',
      'http://127.0.0.1:10809',
      '--target',
      'desktop-settings',
    ];
    const r = await runCli([...args, '--no-color']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('Then run:');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toBe('  docker desktop restart');
    expect(lines[at + 2]).toMatch(/only when it restarts.*\[disruptive\]$/);
    expect(r.stdout).toMatch(/^Resolves after the commands run: .*desktop-loopback-proxy/m);
    expect(r.stdout).not.toMatch(/^(Resolves once written|Still open):.*desktop-loopback-proxy/m);
  });
});
