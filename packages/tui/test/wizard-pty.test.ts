// The built CLI in a real pseudo-terminal (tmux), through the whole wizard, against a temp --root and fake
// docker/systemctl on PATH. Asserts the files written and the backups.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, machineFrom, makeMachine } from './helpers.js';
import { hasTmux, sleep, tmuxDriver } from './tmux-driver.js';

const {
  session: SESSION,
  tmux,
  screen,
  history: scrollback,
  until,
  keys,
  kill,
  start,
} = tmuxDriver('wizard');
/** Everything the terminal holds, wrapped lines joined. */
const history = () => scrollback(true);

describe('the wizard in a real terminal', () => {
  it('has tmux to drive it (pnpm test installs it)', () => expect(hasTmux).toBe(true));
  afterEach(() => {
    kill();
  });

  it('goes from detection to written files with backups, in 80×24', async () => {
    const { variant, GOOD_DOCKER, DROP_IN, CONFIG_JSON } = fixtures;
    const m = machineFrom(
      synthesize(
        variant(GOOD_DOCKER, { removeFiles: [DROP_IN], files: { [CONFIG_JSON]: '{\n  "auths": {}\n}\n' } }),
      ),
    );
    const env = `PATH=${m.bin} HOME=${m.home} DOCKER_HOST=${m.env?.DOCKER_HOST} HTTPS_PROXY=http://proxy.corp.example:3128 TERM=xterm-256color NO_COLOR=1`;
    start(`cd ${m.dir} && env -i ${env} ${process.execPath} ${CLI} --root ${m.root}; sleep 30`, 80, 24);
    await until('What we found');
    expect(screen()).toContain('builder-proxy-missing');
    await keys('Enter');
    await until('Why it happens');
    await keys('Escape');
    await until('Continue');
    await keys('k', 'Enter'); // the list wraps: up from the top is Continue
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
    // a path longer than a row is broken only after a "/"
    expect(done.replace(/\/\n +/g, '/')).toContain(`${CONFIG_JSON}.buildproxy-`);
    await keys('Enter');
    await sleep(300);
    expect(existsSync(dropIn)).toBe(true);
  }, 60_000);

  const CANARY = 'Zq9cXn4ry';
  for (const [cols, rows] of [
    [80, 24],
    [60, 20],
  ] as const) {
    for (const reveal of [false, true]) {
      it(`print mode leaves every file in the scrollback, ${cols}×${rows}, NO_COLOR${reveal ? ', --reveal' : ''}`, async () => {
        const { variant, GOOD_DOCKER, DROP_IN, CONFIG_JSON } = fixtures;
        const m = machineFrom(
          synthesize(variant(GOOD_DOCKER, { removeFiles: [DROP_IN, CONFIG_JSON], env: {} })),
        );
        const proxy = `http://alice:${CANARY}@proxy.corp.example:3128`;
        const env = `PATH=${m.bin} HOME=${m.home} DOCKER_HOST=${m.env?.DOCKER_HOST} HTTPS_PROXY=${proxy} TERM=xterm-256color NO_COLOR=1`;
        start(
          `cd ${m.dir} && env -i ${env} ${process.execPath} ${CLI} --root ${m.root}${reveal ? ' --reveal' : ''}; echo EXIT=$?; sleep 30`,
          cols,
          rows,
        );
        tmux('set-option', '-t', SESSION, 'history-limit', '5000');
        await until('What we found');
        await keys('k', 'Enter');
        await until('Your network');
        await keys(...Array(14).fill('Tab'), 'Enter');
        await until('Paste an error');
        await keys('Enter');
        await until(/Review the changes[\s\S]*file\(s\)/); // the plan is on screen
        await keys('Enter');
        await until('Print');
        // down to "Print", checked on screen: a key that lands before the list listens is pressed again
        for (let i = 0; i < 8 && !/❯ Print/.test(screen()); i++) await keys('j');
        await until('❯ Print');
        await keys('Enter');
        await until('before → after');
        await keys('Enter');
        await until('Done');
        await keys('Enter');
        await until('EXIT=');
        const all = history();
        expect(all).toContain('EXIT=1'); // nothing was written: the doctor's errors remain
        // every line of every planned file, whole (-J joins what the terminal wrapped)
        const block = all.slice(all.indexOf('# buildproxy: nothing was written'));
        for (const path of [
          '/etc/systemd/system/docker.service.d/http-proxy.env',
          '/etc/systemd/system/docker.service.d/http-proxy.conf',
          '/home/alice/.docker/config.json',
        ])
          expect(block).toContain(`# ${path}`);
        expect(block).toMatch(/NO_PROXY="localhost,127\.0\.0\.1,::1"/);
        expect(block).toMatch(/sudo systemctl restart docker/);
        if (reveal) {
          expect(block).toContain(`HTTPS_PROXY="http://alice:${CANARY}@proxy.corp.example:3128"`);
          expect(block).not.toContain('put yours back');
        } else {
          expect(all).not.toContain(CANARY);
          expect(block).toContain('HTTPS_PROXY="http://alice:***@proxy.corp.example:3128"');
          expect(block).toContain('put yours back where *** stands');
        }
        expect(all).not.toMatch(/\x1b\[/);
      }, 60_000);
    }
  }

  it('Ctrl-C during detection: "Cancelled — nothing written", exit 130, without waiting for the probes', async () => {
    const m = makeMachine();
    // a docker that never answers, with a long probe timeout
    writeFileSync(join(m.bin, 'docker'), '#!/bin/sh\nexec sleep 1000\n');
    chmodSync(join(m.bin, 'docker'), 0o755);
    start(
      `cd ${m.dir} && env -i PATH=${m.bin}:/usr/bin:/bin HOME=${m.home} TERM=xterm-256color NO_COLOR=1 ${process.execPath} ${CLI} --root ${m.root} --timeout 20000; echo EXIT=$?; sleep 30`,
      60,
      20,
    );
    await until('Detect');
    const started = Date.now();
    await keys('C-c');
    const s = await until('EXIT=');
    expect(s).toContain('Cancelled — nothing written');
    expect(s).toContain('EXIT=130');
    expect(Date.now() - started).toBeLessThan(15_000); // the probe would hold it 20 s
    expect(spawnSync('pgrep', ['-f', `${m.bin}/docker`]).status).toBe(1); // no probe left behind
  }, 60_000);

  it('without a terminal it says what to run instead, exit 2', () => {
    const r = spawnSync(process.execPath, [CLI], { encoding: 'utf8', input: '' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/buildproxy doctor.*plan.*apply/);
  });
});
