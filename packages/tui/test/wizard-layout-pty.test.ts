// The wizard's layout in a real terminal (tmux, the built CLI), at 80×24 and 60×20 under NO_COLOR: every byte it
// writes is recorded (tmux pipe-pane), and no screen-clearing escape may be among them. A frame as tall as the
// terminal makes Ink write ESC[2J ESC[3J on the next key, which wipes the user's scrollback; so the shell's line
// printed before the wizard started must still be there at the end. Each screen keeps its title on screen, no
// row is wider than the terminal, a path is broken only after a "/", and the restart's consequence is said once.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, machineFrom } from './helpers.js';
import { hasTmux, tmuxDriver } from './tmux-driver.js';

const { session: SESSION, tmux, screen, history, until, keys, kill, start } = tmuxDriver('layout');

/** The escapes that clear the screen or the scrollback: ED 2, ED 3 (xterm) and RIS. */
const CLEARING: [string, string][] = [
  ['ESC[2J', '\x1b[2J'],
  ['ESC[3J', '\x1b[3J'],
  ['ESC c', '\x1bc'],
];

/** `path` on screen, whole or broken only right after a "/" (the rest on the next row, under any indent). */
function wholePath(path: string): RegExp {
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(path.split('/').map(esc).join('/(?:\n *)?'));
}

describe.skipIf(!hasTmux)('the wizard leaves the terminal as it found it', () => {
  afterEach(() => {
    kill();
  });

  for (const [cols, rows] of [
    [80, 24],
    [60, 20],
  ] as const) {
    it(`writes no clearing escape and keeps the scrollback, ${cols}×${rows}, NO_COLOR`, async () => {
      const { variant, GOOD_DOCKER, DROP_IN, CONFIG_JSON } = fixtures;
      const m = machineFrom(
        synthesize(
          variant(GOOD_DOCKER, {
            removeFiles: [DROP_IN],
            files: { [CONFIG_JSON]: '{\n  "auths": {}\n}\n' },
          }),
        ),
      );
      const raw = join(m.dir, 'terminal.raw');
      writeFileSync(raw, '');
      const env = `PATH=${m.bin} HOME=${m.home} DOCKER_HOST=${m.env?.DOCKER_HOST} HTTPS_PROXY=http://proxy.corp.example:3128 TERM=xterm-256color NO_COLOR=1`;
      // The wizard starts once the recorder is on (the go file), after a line that must stay in the scrollback.
      start(
        `echo EARLIER-OUTPUT-1f3a; while [ ! -e ${m.dir}/go ]; do sleep 0.05; done; cd ${m.dir} && env -i ${env} ${process.execPath} ${CLI} --root ${m.root}; echo EXIT=$?; sleep 30`,
        cols,
        rows,
      );
      tmux('set-option', '-t', SESSION, 'history-limit', '5000');
      tmux('pipe-pane', '-o', '-t', SESSION, `cat >> ${raw}`);
      writeFileSync(join(m.dir, 'go'), '');

      const screens: Record<string, string> = {};
      screens.found = await until('What we found');
      await keys('Enter');
      screens.explain = await until('Why it happens');
      await keys('j', 'j', ' ', 'Escape');
      await until('Continue');
      await keys('k', 'Enter');
      screens.network = await until('Your network');
      await keys(...Array(8).fill('Tab'), 'Enter');
      screens.paste = await until('Paste an error');
      await keys('Enter');
      screens.review = await until(/Review the changes[\s\S]*file\(s\)/);
      await keys('j', ' ', 'Enter');
      screens.act = await until('Write the');
      await keys('Enter');
      screens.confirm = await until('Run these commands now?');
      await keys('Enter'); // later
      screens.verify = await until('before → after');
      await keys('Enter');
      screens.done = await until(/step \d\/\d · Done/);
      await keys('Enter');
      await until('EXIT=');

      for (const [name, s] of Object.entries(screens)) {
        // the title is on screen: the frame did not grow past the terminal's height
        expect(s, name).toMatch(/buildproxy · step \d\/\d/);
        for (const line of s.split('\n'))
          expect([...line].length, `${name}: ${line}`).toBeLessThanOrEqual(cols);
      }
      // act: each option's path whole on a row, under the option's own indent
      expect(screens.act).toContain(`    ${join(m.dir, 'buildproxy-plan.json')}`);
      // the restart's consequence, once
      expect(screens.confirm.replace(/\n +/g, ' ').match(/stops running containers/g)).toHaveLength(1);
      expect(screens.act).toMatch(wholePath(`${join(m.dir, 'buildproxy-out')}/`));
      // verify and done: each path written and the backup's, broken only after a "/"
      for (const name of ['verify', 'done']) {
        for (const p of [join(m.root, DROP_IN), join(m.root, CONFIG_JSON)])
          expect(screens[name], name).toMatch(wholePath(p));
        expect(screens[name], name).toMatch(/\/\n? *config\.json\.buildproxy-\d{8}T\d{6}Z\.bak/);
      }

      const bytes = readFileSync(raw, 'latin1');
      expect(bytes).toContain('What we found'); // the recorder saw the wizard
      for (const [name, esc] of CLEARING) expect(bytes.includes(esc), name).toBe(false);
      const all = history();
      expect(all).toContain('EARLIER-OUTPUT-1f3a');
      expect(all.indexOf('EARLIER-OUTPUT-1f3a')).toBeLessThan(all.indexOf('Roll back:'));
    }, 90_000);
  }

  it('an unconfigured machine at 60×20, NO_COLOR: the form blocked on an empty proxy clears nothing', async () => {
    // Found walking the built wizard: three targets and "Cannot continue" under them made the network form as tall
    // as the terminal, and the next key wiped the scrollback. Engine 26, config.json, no proxy anywhere.
    const m = machineFrom(
      synthesize(
        fixtures.variant(fixtures.GOOD_DOCKER, {
          removeFiles: [fixtures.DROP_IN],
          files: { [fixtures.CONFIG_JSON]: '{\n  "auths": {}\n}\n' },
          env: {},
        }),
      ),
    );
    const raw = join(m.dir, 'terminal.raw');
    writeFileSync(raw, '');
    const env = `PATH=${m.bin} HOME=${m.home} DOCKER_HOST=${m.env?.DOCKER_HOST} TERM=xterm-256color NO_COLOR=1`;
    start(
      `echo EARLIER-OUTPUT-77c2; while [ ! -e ${m.dir}/go ]; do sleep 0.05; done; cd ${m.dir} && env -i ${env} ${process.execPath} ${CLI} --root ${m.root}; echo EXIT=$?; sleep 30`,
      60,
      20,
    );
    tmux('set-option', '-t', SESSION, 'history-limit', '5000');
    tmux('pipe-pane', '-o', '-t', SESSION, `cat >> ${raw}`);
    writeFileSync(join(m.dir, 'go'), '');
    await until('Does your network need a proxy');
    await keys('Enter'); // Yes: enter the proxy
    await until('Your network');
    await keys(...Array(8).fill('Tab'));
    await keys('Enter');
    const blocked = await until('Cannot continue');
    await keys('Tab', 'Tab', 'Down', 'Up');
    const after = screen();
    for (const s of [blocked, after]) {
      expect(s).toMatch(/buildproxy · step 3\/8/);
      for (const line of s.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(60);
    }
    expect(blocked.replace(/\n +/g, ' ')).toContain('Cannot continue: Proxy URL: required');
    await keys('C-c');
    await until('EXIT=130');
    const bytes = readFileSync(raw, 'latin1');
    for (const [name, esc] of CLEARING) expect(bytes.includes(esc), name).toBe(false);
    expect(history()).toContain('EARLIER-OUTPUT-77c2');
    // the cancel message on a line of its own, not after the key help
    expect(history()).toMatch(/\nCancelled — nothing written\./);
  }, 90_000);

  it('the check can fail: a frame taller than the terminal is seen clearing it', async () => {
    // Ink itself, asked to draw 30 rows in a 20-row terminal: the recorder must see ESC[2J.
    const dir = join(CLI, '..', '..');
    const raw = join(dir, `.tall-${process.pid}.raw`);
    const script = `import {render,Text,Box} from 'ink';import React from 'react';
      const rows=n=>React.createElement(Box,{flexDirection:'column'},...Array.from({length:n},(_,i)=>React.createElement(Text,{key:i},'row '+i)));
      const r=render(rows(30));setTimeout(()=>{r.rerender(rows(31));setTimeout(()=>{r.unmount();console.log('TALL-DONE')},300)},300);`;
    writeFileSync(raw, '');
    try {
      start(
        `while [ ! -e ${raw}.go ]; do sleep 0.05; done; cd ${dir} && ${process.execPath} --input-type=module -e "${script.replace(/"/g, '\\"').replace(/\n\s*/g, '')}"; sleep 30`,
        60,
        20,
      );
      tmux('pipe-pane', '-o', '-t', SESSION, `cat >> ${raw}`);
      writeFileSync(`${raw}.go`, '');
      await until('TALL-DONE', 30_000);
      expect(readFileSync(raw, 'latin1')).toContain('\x1b[2J');
    } finally {
      spawnSync('rm', ['-f', raw, `${raw}.go`]);
    }
  }, 60_000);
});
