// The wizard's text fields in a real terminal (tmux, the built CLI), as issue 18 asks: at 80×24 and 60×20 under
// NO_COLOR, keys typed in one burst with a screen change reach the new screen; the proxy URL is edited in the middle
// with Home/←/→/End; the password is masked one character at a time, shown by ctrl-r and hidden again; the cursor
// stays visible without colour (inverse video).
import { execFileSync, spawnSync } from 'node:child_process';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, machineFrom } from './helpers.js';

const SESSION = `bp-wizin-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', SESSION);
/** The screen with its attributes as escapes (inverse video shows as ESC[7m). */
const styled = () => tmux('capture-pane', '-p', '-e', '-t', SESSION);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function untilStyled(re: RegExp, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (re.test(styled())) return;
    await sleep(80);
  }
  expect(styled()).toMatch(re);
}

/** The screen with wrapped lines joined (a URL wraps at 60 columns): what a search for a value should read. */
const flat = (s: string) => s.replace(/\n */g, '');

async function until(text: string | RegExp, ms = 45_000): Promise<string> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const s = screen();
    if (typeof text === 'string' ? flat(s).includes(text) : text.test(s)) return s;
    await sleep(80);
  }
  throw new Error(`screen never showed ${text}:\n${screen()}`);
}

/** Keys sent one by one, each after the screen took the last. */
async function keys(...ks: string[]) {
  for (const k of ks) {
    tmux('send-keys', '-t', SESSION, k);
    await sleep(150);
  }
}

const CANARY = 'Zq9cXn4ry';
const MASKED = '•'.repeat(CANARY.length);

describe('the wizard’s text fields in a real terminal', () => {
  afterEach(() => {
    spawnSync('tmux', ['kill-session', '-t', SESSION]);
  });

  for (const [cols, rows] of [
    [80, 24],
    [60, 20],
  ] as const) {
    it(`burst after a screen change, cursor keys, mask and reveal: ${cols}×${rows}, NO_COLOR`, async () => {
      const { variant, GOOD_DOCKER, DROP_IN } = fixtures;
      const m = machineFrom(synthesize(variant(GOOD_DOCKER, { removeFiles: [DROP_IN], env: {} })));
      const proxy = `http://alice:${CANARY}@proxy.corp.example:3128`;
      const env = `PATH=${m.bin} HOME=${m.home} DOCKER_HOST=${m.env?.DOCKER_HOST} HTTPS_PROXY=${proxy} TERM=xterm-256color NO_COLOR=1`;
      tmux(
        'new-session',
        '-d',
        '-s',
        SESSION,
        '-x',
        String(cols),
        '-y',
        String(rows),
        `cd ${m.dir} && env -i ${env} ${process.execPath} ${CLI} --root ${m.root}; echo EXIT=$?; sleep 30`,
      );
      const seen: string[] = [];
      const look = async (text: string | RegExp) => {
        const s = await until(text);
        seen.push(s);
        return s;
      };
      await look('What we found');
      await keys('k');
      // one send-keys: enter leaves the findings, ↓ and y arrive with it and belong to the network form
      tmux('send-keys', '-t', SESSION, 'Enter', 'Down', 'y');
      let s = await look('Separate HTTPS proxy? yes');
      expect(s).toContain('buildproxy · step 3/8'); // the title stays on screen
      await keys('Up');
      s = await look(/❯ Proxy URL[\s\S]*ctrl-r\s+show\s+password/);
      expect(flat(s)).toContain(`alice:${MASKED}@proxy`);
      expect(s).not.toContain(CANARY);
      expect(s).toMatch(/ctrl-r\s+show\s+password/);
      // edit in the middle: Home, 7 × →, type; End, ←, type
      await keys('Home', ...Array(7).fill('Right'), 'x', 'End', 'Left', '9');
      s = await look(`http://xalice:${MASKED}@proxy.corp.example:31298`);
      // the cursor is drawn without colour: inverse video over the last character
      await untilStyled(/3129\x1b\[7m8\s*\x1b\[[\d;]*m/);
      await keys('C-a');
      await untilStyled(/\x1b\[7mh(\x1b\[[\d;]*m)+ttp:\/\/xalice/);
      await keys('C-r');
      s = await look(`xalice:${CANARY}@`);
      expect(s.split(CANARY)).toHaveLength(2); // in the field only
      await keys('C-r');
      s = await look(`xalice:${MASKED}@`);
      await keys('C-r', 'Tab');
      s = await look(`xalice:${MASKED}@`); // leaving the field hides it again
      expect(s).not.toContain(CANARY);
      for (const line of s.split('\n')) expect([...line].length).toBeLessThanOrEqual(cols);
      // "?" on a yes/no field: the step's help, title on screen; esc: back on the same field
      await keys('?');
      s = await look('Help');
      expect(s).toContain('buildproxy · step 3/8');
      expect(s).toMatch(/ctrl-r shows the password/);
      await keys('Escape');
      s = await look('Separate HTTPS proxy?');
      expect(s).toMatch(/❯ Separate HTTPS proxy\? yes/);
      await keys('C-c');
      s = await look('EXIT=');
      expect(s).toContain('EXIT=130');
      const beforeReveal = seen.findIndex((x) => x.includes(CANARY));
      expect(seen.slice(0, beforeReveal).some((x) => x.includes(CANARY))).toBe(false);
    }, 60_000);
  }
});
