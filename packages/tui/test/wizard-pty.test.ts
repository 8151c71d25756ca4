// The built CLI in a real pseudo-terminal (tmux), through the whole wizard, against a temp --root and fake
// docker/systemctl on PATH. Asserts the files written and the backups.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, machineFrom } from './helpers.js';

const SESSION = `bp-wizard-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', SESSION);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(text: string | RegExp, ms = 45_000): Promise<string> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const s = screen();
    if (typeof text === 'string' ? s.includes(text) : text.test(s)) {
      await sleep(150);
      return s;
    }
    await sleep(80);
  }
  throw new Error(`screen never showed ${text}:\n${screen()}`);
}

async function keys(...ks: string[]) {
  for (const k of ks) {
    tmux('send-keys', '-t', SESSION, k);
    await sleep(120);
  }
}

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe('the wizard in a real terminal', () => {
  it('has tmux to drive it (pnpm test installs it)', () => expect(hasTmux).toBe(true));
  afterEach(() => {
    spawnSync('tmux', ['kill-session', '-t', SESSION]);
  });

  it('goes from detection to written files with backups, in 80×24', async () => {
    const { variant, GOOD_DOCKER, DROP_IN, CONFIG_JSON } = fixtures;
    const m = machineFrom(
      synthesize(
        variant(GOOD_DOCKER, { removeFiles: [DROP_IN], files: { [CONFIG_JSON]: '{\n  "auths": {}\n}\n' } }),
      ),
    );
    const env = `PATH=${m.bin} HOME=${m.home} DOCKER_HOST=${m.env?.DOCKER_HOST} HTTPS_PROXY=http://proxy.corp.example:3128 TERM=xterm-256color NO_COLOR=1`;
    tmux(
      'new-session',
      '-d',
      '-s',
      SESSION,
      '-x',
      '80',
      '-y',
      '24',
      `cd ${m.dir} && env -i ${env} ${process.execPath} ${CLI} --root ${m.root}; sleep 30`,
    );
    await until('What we found');
    expect(screen()).toContain('builder-proxy-missing');
    await keys('Enter');
    await until('Why it happens');
    await keys('Escape');
    await until('Continue');
    await keys('j', 'j', 'j', 'j', 'j', 'j', 'j', 'Enter');
    await until('Your network');
    expect(screen()).toContain('http://proxy.corp.example:3128');
    await keys('Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Enter');
    await until('Paste an error');
    await keys('Enter');
    await until(/Review the changes[\s\S]*http-proxy\.conf/);
    await keys('Enter');
    await until('Write the');
    await keys('Enter');
    await until('Run these commands now?');
    await keys('Enter'); // "No, I will run them later"
    await until('before → after');
    expect(screen()).toMatch(/Takes effect after:[\s\S]*systemctl restart docker/);
    await keys('Enter');
    await until('Backups:');
    const done = screen();
    for (const line of done.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(done).not.toMatch(/\x1b\[/);
    const dropIn = join(m.root, DROP_IN);
    expect(readFileSync(dropIn, 'utf8')).toContain(
      'Environment="HTTPS_PROXY=http://proxy.corp.example:3128"',
    );
    const cfgDir = dirname(join(m.root, CONFIG_JSON));
    expect(JSON.parse(readFileSync(join(m.root, CONFIG_JSON), 'utf8')).auths).toEqual({});
    const backups = readdirSync(cfgDir).filter((f) => f.endsWith('.bak'));
    expect(backups.length).toBe(1);
    expect(done).toContain(`${CONFIG_JSON}.buildproxy-`);
    await keys('Enter');
    await sleep(300);
    expect(existsSync(dropIn)).toBe(true);
  }, 60_000);

  it('without a terminal it says what to run instead, exit 2', () => {
    const r = spawnSync(process.execPath, [CLI], { encoding: 'utf8', input: '' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/buildproxy doctor.*plan.*apply/);
  });
});
