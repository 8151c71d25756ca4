// The shell's start-up file is part of the capture (issue #12, knot 8): a plan made from a capture edits the same
// rc file a live plan does, and the capture keeps only that file's proxy lines (people export tokens there).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Evidence, Plan } from '@buildproxy/core';
import { describe, expect, it } from 'vitest';
import { makeMachine, runCli } from './helpers.js';

const TOKEN = 'ghp_Tok3nThatMustNotLeave';
const RC = `alias ll='ls -l'\nexport GITHUB_TOKEN=${TOKEN}\nexport HTTPS_PROXY=http://old.corp:3128\n`;

describe('the shell rc file in the capture', () => {
  it.each([
    ['/bin/bash', '.bashrc'],
    ['/usr/bin/zsh', '.zshrc'],
    ['/bin/dash', '.profile'],
  ])('SHELL=%s: live plan and plan --from both edit ~/%s', async (shell, name) => {
    const m = makeMachine();
    const rc = `${m.home}/${name}`;
    mkdirSync(join(m.root, m.home), { recursive: true });
    writeFileSync(join(m.root, rc), RC);
    const env = { SHELL: shell };
    const capture = join(m.dir, 'capture.json');
    const doctor = await runCli(['doctor', '--root', m.root, '--capture', capture], { m, env });
    expect(doctor.stderr).toMatch(/^Evidence written to /);
    const ev = JSON.parse(readFileSync(capture, 'utf8')) as Evidence;
    expect(ev.env.SHELL).toBe(shell);
    // Only the proxy line survives the capture; the alias and the token are gone, lines stay numbered.
    expect(ev.files[rc]).toBe('\n\nexport HTTPS_PROXY=http://old.corp:3128\n');
    expect(readFileSync(capture, 'utf8')).not.toContain(TOKEN);

    const args = ['--proxy', 'http://proxy.corp:3128', '--target', 'client-shell', '--json'];
    const live = await runCli(['plan', '--root', m.root, ...args], { m, env });
    const from = await runCli(['plan', '--from', capture, ...args], { m, env: {} });
    const livePlan = JSON.parse(live.stdout) as Plan;
    const fromPlan = JSON.parse(from.stdout) as Plan;
    const rcChange = (p: Plan) => p.changes.find((c) => c.path === rc);
    expect(rcChange(livePlan)?.before).toBe(RC);
    expect(rcChange(fromPlan)?.before).toBe(ev.files[rc]);
    // The same files, the same block added; no "load it from …" snippet in either.
    expect(fromPlan.changes.map((c) => c.path)).toEqual(livePlan.changes.map((c) => c.path));
    for (const p of [livePlan, fromPlan]) {
      expect(rcChange(p)?.after).toContain(
        '# >>> buildproxy >>>\n[ -f /home/alice/.config/buildproxy/proxy.sh ] && . /home/alice/.config/buildproxy/proxy.sh\n',
      );
      expect(p.snippets.some((s) => s.title.startsWith('Load it from'))).toBe(false);
    }
  });
});
