// The wizard's text fields in a real terminal (tmux, the built CLI), as issue 18 asks: at 80×24 and 60×20 under
// NO_COLOR, keys typed in one burst with a screen change reach the new screen; the proxy URL is edited in the middle
// with Home/←/→/End; the password is masked one character at a time, shown by ctrl-r and hidden again; the cursor
// stays visible without colour (inverse video).
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, machineFrom } from './helpers.js';
import { flat, hasTmux, sleep, tmuxDriver } from './tmux-driver.js';

const {
  session: SESSION,
  tmux,
  screen,
  styled,
  until,
  keys,
  kill,
  start,
} = tmuxDriver('wizin', {
  flatMatch: true,
  settleMs: 0,
});

async function untilStyled(re: RegExp, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (re.test(styled())) return;
    await sleep(80);
  }
  expect(styled()).toMatch(re);
}

const CANARY = 'Zq9cXn4ry';
const MASKED = '•'.repeat(CANARY.length);

describe('the wizard’s text fields in a real terminal', () => {
  afterEach(() => {
    kill();
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
      start(
        `cd ${m.dir} && env -i ${env} ${process.execPath} ${CLI} --root ${m.root}; echo EXIT=$?; sleep 30`,
        cols,
        rows,
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
