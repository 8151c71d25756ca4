// A command that fails when the wizard runs the plan's commands (walked in tmux: "Run them now? y" on a machine
// whose systemctl refuses). Apply stops at the failure, so the restart after it never ran; the Verify screen said
// "the ones after it (marked "to run") were skipped" with no such line, and the final block's "Next, copy and run"
// held only "docker build .". Here the real effects run the real apply against a systemctl that fails as one does
// in a container without systemd.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePlan, profileFromForm } from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { liveEffects } from '../../src/wizard/effects.js';
import { commandsDone, finalBlock } from '../../src/wizard/final.js';
import { EMPTY_ANSWERS } from '../../src/wizard/state.js';

// systemd's own refusal when PID 1 is not systemd (systemctl in a container), as it prints it
const NOT_BOOTED = "System has not been booted with systemd as init system (PID 1). Can't operate.";

const dir = mkdtempSync(join(tmpdir(), 'buildproxy-failed-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a failed command while the wizard runs the plan', () => {
  const bad = synthesize(fixtures.variant(fixtures.GOOD_DOCKER, { removeFiles: [fixtures.DROP_IN] }));
  const plan = makePlan(bad, profileFromForm({ ...EMPTY_ANSWERS, proxy: fixtures.PROXY }), {
    targets: ['docker-systemd'],
  }).plan;

  it('the commands after it are listed as still to run, and the final block prints them all', async () => {
    expect(plan.commands.map((c) => c.argv.join(' '))).toEqual([
      'systemctl daemon-reload',
      'systemctl restart docker',
    ]);
    const bin = join(dir, 'bin');
    const root = join(dir, 'root');
    for (const d of [bin, root]) rmSync(d, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(bin);
    mkdirSync(root);
    writeFileSync(join(bin, 'systemctl'), `#!/bin/sh\necho "${NOT_BOOTED}" >&2\nexit 1\n`);
    chmodSync(join(bin, 'systemctl'), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    let lines: string[];
    try {
      lines = await liveEffects({
        root,
        timeoutMs: 1000,
        outDir: join(dir, 'out'),
        planFile: join(dir, 'p'),
      }).runCommands(plan);
    } finally {
      process.env.PATH = path;
    }
    expect(lines[0]).toMatch(/^failed\s+sudo systemctl daemon-reload: System has not been booted/);
    expect(lines[1]).toMatch(/^to run:\s+sudo systemctl restart docker/);
    expect(commandsDone(lines, plan)).toBe(false);
    const block = finalBlock({
      ended: 'done',
      plan,
      outcome: { choice: 'write', ok: true, backups: [], lines, written: ['/etc/x'] },
      commandsRun: commandsDone(lines, plan),
      buildCommand: '',
      root,
      planFile: join(dir, 'p'),
      outDir: join(dir, 'out'),
      reveal: false,
    });
    expect(block).toContain(
      'sudo systemctl daemon-reload && sudo systemctl restart docker && docker build .',
    );
  });

  it('every command ran: only the build is left to run', () => {
    const ran = plan.commands.map((c) => `ran        sudo ${c.argv.join(' ')}`);
    expect(commandsDone(ran, plan)).toBe(true);
    expect(commandsDone(ran.slice(0, 1), plan)).toBe(false);
  });
});
