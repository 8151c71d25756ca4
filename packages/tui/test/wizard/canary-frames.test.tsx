// Issue 11: hostile canaries through EVERY frame of the interactive wizard, with its real effects (liveEffects on a
// captured machine, writing under a temp --root). The canary password carries ' " ` < > % @ : / # ? & $ a tab and
// a space; it arrives percent-encoded in the proxies, raw in the pasted error's URL, base64 in config.json `auths`,
// in credential-shaped variables, in a daemon's error and a failed command's output, next to terminal control
// sequences (OSC 52 clipboard write, clear screen, title change). No frame may show any of it, whichever way the
// user acts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { render } from 'ink-testing-library';
import { afterAll, describe, expect, it } from 'vitest';
import { App } from '../../src/wizard/app.js';
import { type Effects, liveEffects } from '../../src/wizard/effects.js';
import type { ActChoice } from '../../src/wizard/state.js';
import { press, waitFor as waitUntil } from './ink-driver.js';

const SECRET = `Zq7'"\`<>%@:/#?&$\t x9Y`;
const ENC = encodeURIComponent(SECRET);
const AUTH = Buffer.from(`bob:${SECRET}`).toString('base64');
const TOKEN = 'tok3nCanaryW8';
const CONTROL = '\x1b]52;c;cm0gLXJmIH4K\x07\x1b[2J\x1b]0;owned\x07\u009b2J';
/** Pieces no frame may contain: the canary's letters, its encodings, the base64 auth, a raw control sequence. */
const FORBIDDEN = [
  'Zq7',
  'x9Y',
  'Zq7%27',
  AUTH,
  AUTH.slice(4, 20),
  TOKEN,
  '\x1b]',
  '\x1b[2J',
  '\u009b',
  '\x07',
];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function hostileMachine() {
  const base = synthesize(fixtures.variant(fixtures.GOOD_DOCKER, { removeFiles: [fixtures.DROP_IN] }));
  return {
    ...base,
    env: {
      ...base.env,
      HTTPS_PROXY: `http://carol:${ENC}@proxy.corp.example:3128`,
      DOCKER_PASSWORD: TOKEN,
      NPM_TOKEN: TOKEN,
    },
    files: {
      ...base.files,
      [fixtures.CONFIG_JSON]: JSON.stringify({
        auths: { 'registry.corp.example': { auth: AUTH } },
        proxies: { default: { httpProxy: `http://bob:${ENC}@proxy.corp.example:3128` } },
      }),
    },
    commands: base.commands.map((c) =>
      c.argv.join(' ') === 'docker buildx ls --format json'
        ? { ...c, exitCode: 1, stdout: '', stderr: `ERROR: proxyconnect http://dave:${ENC}@p:1 ${CONTROL}` }
        : c,
    ),
  };
}

const waitFor = (frame: () => string | undefined, pred: (f: string) => boolean, ms = 8000) =>
  waitUntil(frame, pred, ms);
const ENTER = '\r';
const TAB = '\t';
const ESC = '\u001B';

describe('every wizard frame, with hostile canaries and real effects', () => {
  it.each<[ActChoice, number]>([
    ['write', 0],
    ['save', 1],
    ['folder', 2],
    ['print', 3],
  ])(
    'act "%s": no frame shows the canary, its encodings, auths, tokens or a control sequence',
    async (choice, down) => {
      // apply checks plan paths against the live home: the captured machine's.
      const home = process.env.HOME;
      process.env.HOME = fixtures.HOME;
      const dir = mkdtempSync(join(tmpdir(), 'buildproxy-canary-'));
      dirs.push(dir);
      mkdirSync(join(dir, 'root'));
      // The captured machine's files, on disk under --root: "write" edits them for real.
      const machine = hostileMachine();
      for (const [path, text] of Object.entries(machine.files)) {
        if (text === null) continue;
        mkdirSync(dirname(join(dir, 'root', path)), { recursive: true });
        writeFileSync(join(dir, 'root', path), text);
      }
      const real = liveEffects({
        from: machine,
        root: join(dir, 'root'),
        timeoutMs: 1000,
        outDir: join(dir, 'out'),
        planFile: join(dir, 'plan.json'),
      });
      // Commands are not run on this machine: their failure is what a real daemon would print.
      const effects: Effects = {
        ...real,
        async runCommands(plan) {
          return plan.commands.map(
            (c) => `failed ${c.argv.join(' ')}: proxyconnect http://eve:${ENC}@p:1 ${CONTROL}`,
          );
        },
      };
      const { lastFrame, stdin, frames, unmount } = render(
        <App
          effects={effects}
          given={{
            separateHttps: true,
            httpsProxy: `http://frank:${ENC}@proxy.corp.example:3129`,
            errorText: `407 Proxy Authentication Required http://gina:${SECRET}@proxy:3128 ${CONTROL}`,
            targets: ['docker-systemd', 'docker-cli-config', 'client-shell'],
          }}
          color={false}
          canWriteHere
          planFile={join(dir, 'plan.json')}
          outDir={join(dir, 'out')}
        />,
      );
      try {
        await waitFor(lastFrame, (f) => f.includes('What we found'));
        await press(stdin, ENTER); // the first finding's explanation
        await waitFor(lastFrame, (f) => f.includes('Why it happens'));
        await press(stdin, ESC);
        await waitFor(lastFrame, (f) => f.includes('Continue'));
        await press(stdin, 'k'); // the list wraps: up from the top is Continue
        await press(stdin, ENTER);
        await waitFor(lastFrame, (f) => f.includes('Your network'));
        for (let i = 0; i < 15; i++) await press(stdin, TAB);
        await press(stdin, ENTER);
        await waitFor(lastFrame, (f) => f.includes('Paste an error') || f.includes('Review the changes'));
        if ((lastFrame() ?? '').includes('Paste an error')) await press(stdin, ENTER);
        await waitFor(lastFrame, (f) => f.includes('Review the changes'));
        await press(stdin, ENTER);
        await waitFor(lastFrame, (f) => f.includes('Write the'));
        await press(stdin, ...Array(down).fill('j'), ENTER);
        if (choice === 'write') {
          await waitFor(lastFrame, (f) => f.includes('Run these commands now?'));
          await press(stdin, 'y'); // ConfirmInput, yes: the failing commands' output is shown
          await waitFor(lastFrame, (f) => f.includes('failed systemctl'));
          // the files written are listed on the screen after the question (verify)
          expect(lastFrame()).toMatch(/wrote +\S*\/home\/alice\/(\n +)?\.docker\/(\n +)?config\.json/);
        }
        await waitFor(lastFrame, (f) => f.includes('before → after'), 15_000);
        await press(stdin, ENTER);
        await waitFor(lastFrame, (f) => f.includes('Done'));
      } finally {
        unmount();
        process.env.HOME = home;
      }
      expect(frames.length).toBeGreaterThan(10);
      const all = frames.join('\n');
      for (const bad of FORBIDDEN) expect(all.includes(bad), JSON.stringify(bad)).toBe(false);
    },
    60_000,
  );
});
