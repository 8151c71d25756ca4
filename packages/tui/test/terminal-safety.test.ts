// Text from outside reaches the terminal escaped: through the built CLI's output boundary, and in the wizard
// through its one Text component.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { describe, expect, it } from 'vitest';
import { machineFrom, runCli } from './helpers.js';

const OSC52 = '\x1b]52;c;cm0gLXJmIH4K\x07';
const CLEAR = '\x1b[2J';
const TITLE = '\x1b]0;owned\x1b\\';
const C1 = '\u009b2J';
const HOSTILE = `${OSC52}${CLEAR}${TITLE}${C1}`;

function noRawControls(text: string): void {
  expect(text).not.toContain('\x1b]');
  expect(text).not.toContain('\x1b[2J');
  expect(text).not.toContain('\x07');
  expect(text).not.toContain('\u009b');
}

describe('the CLI prints outside text escaped', () => {
  it('a pasted error (why)', async () => {
    const pasted = `proxyconnect tcp: dial tcp: lookup proxy${HOSTILE}.corp: no such host`;
    const r = await runCli(['why', pasted]);
    noRawControls(r.stdout + r.stderr);
    expect(r.stdout).toContain('no such host');
  });

  it('a daemon that answers with escape sequences, and a file that holds them (doctor, plan, route)', async () => {
    const { variant, GOOD_CONTAINER, CONFIG_JSON } = fixtures;
    const machine = variant(GOOD_CONTAINER, {
      files: {
        '/etc/docker/daemon.json': `{"proxies": {"https-proxy": "http://proxy${HOSTILE}:3128"}, "labels": ["x=${HOSTILE}"]}`,
        [CONFIG_JSON]: `{"proxies": {"default": {"httpsProxy": "${HOSTILE}"}}}`,
      },
      docker: {
        engine: '26.1.5',
        processEnv: { HTTPS_PROXY: `http://proxy${HOSTILE}:3128`, NO_PROXY: HOSTILE },
      },
      dockerfile: `FROM alpine\nRUN echo '${HOSTILE}'\n`,
    });
    const m = machineFrom(synthesize(machine));
    for (const args of [
      ['doctor', '--root', m.root],
      ['doctor', '--root', m.root, '--json'],
      ['plan', '--root', m.root, '--proxy', 'http://proxy.corp:3128'],
      ['route', 'https://registry-1.docker.io/v2/', '--root', m.root],
      ['--root', m.root, '--proxy', 'http://proxy.corp:3128', '--yes', '--act', 'print'],
    ]) {
      const r = await runCli(args, { m });
      noRawControls(r.stdout + r.stderr);
    }
  });

  it('our own colours still pass', async () => {
    const r = await runCli(['rules'], { env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\x1b[');
  });
});

describe('the wizard', () => {
  it('every screen takes Text from the sanitising component, never from ink', () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), '../src/wizard');
    const files = ['screens', 'components'].flatMap((d) =>
      readdirSync(join(dir, d)).map((f) => join(dir, d, f)),
    );
    for (const f of files) {
      if (f.endsWith('components/text.tsx')) continue;
      const imports = readFileSync(f, 'utf8').match(/import \{[^}]*\} from 'ink'/g) ?? [];
      for (const i of imports) expect(i, f).not.toMatch(/\bText\b/);
    }
  });
});
