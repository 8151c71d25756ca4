// The write steps the site shows are run by a real /bin/sh: mkdir, a new file created with its mode before a byte
// is written, tee from a quoted heredoc. The file that results is byte for byte what the plan says, with the
// reader's own $HOME, and the steps are the same text the copy button copies.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePlan } from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { HOME_PLACEHOLDER, homePath, homeText } from '../src/scripts/home';
import { planView, renderPlanMarkdown } from '../src/scripts/render-plan';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('write steps', () => {
  it.each([
    ['plain', 'http://proxy.corp.example:3128'],
    ['a password with every awkward character', 'http://u:p%40ss\'w"$(x)`y`%25@proxy.corp.example:3128'],
  ])('user files (%s) land with their mode and content in a real shell', (_name, proxy) => {
    const ev = synthesize(fixtures.REFERENCE_MACHINE);
    const { plan } = makePlan(ev, { proxy }, { targets: ['docker-cli-config', 'client-shell'] });
    const view = planView(plan, ev.host.home);
    const home = mkdtempSync(join(tmpdir(), 'bp-home-'));
    dirs.push(home);
    for (const c of plan.changes) {
      const steps = view.blocks.find((b) => b.title === `Write ${homePath(c.path, ev.host.home)}`)!;
      expect(steps.text).not.toContain('sudo');
      execFileSync('/bin/sh', ['-c', steps.text], { env: { HOME: home, PATH: '/usr/bin:/bin' } });
      const path = c.path.replace(ev.host.home, home);
      // The placeholder stands where the fixture home was: nothing of /home/alice reaches the file.
      expect(readFileSync(path, 'utf8')).toBe(
        homeText(c.after, ev.host.home, path.endsWith('.json') ? 'json' : 'sh'),
      );
      expect((statSync(path).mode & 0o777).toString(8)).toBe(c.mode.replace(/^0/, ''));
    }
  });

  it('root files get sudo on every step; a systemd user unit gets %h', () => {
    const ev = synthesize(fixtures.variant(fixtures.GOOD_ROOTLESS, { removeFiles: [fixtures.USER_DROP_IN] }));
    const { plan } = makePlan(
      ev,
      { proxy: 'http://ci:pw@proxy.corp.example:3128' },
      { targets: ['docker-systemd-rootless'] },
    );
    const md = renderPlanMarkdown(planView(plan, ev.host.home));
    expect(md).toContain('EnvironmentFile=%h/.config/systemd/user/docker.service.d/http-proxy.env');
    expect(md).not.toContain(ev.host.home);
    const root = synthesize(fixtures.variant(fixtures.GOOD_DOCKER, { removeFiles: [fixtures.DROP_IN] }));
    const v = planView(
      makePlan(root, { proxy: 'http://p:3128' }, { targets: ['docker-systemd'] }).plan,
      root.host.home,
    );
    const w = v.blocks.find((b) => b.title.startsWith('Write /etc/'))!;
    for (const line of w.text.split('\n').filter((l) => /^(mkdir|install|tee)\b|^sudo/.test(l)))
      expect(line).toMatch(/^sudo /);
    expect(v.cautions.join(' ')).toMatch(/stops running containers/);
  });

  it('JSON and TOML, which expand nothing, get a visible placeholder', () => {
    expect(homeText('{"ca": "/home/alice/corp.crt"}', '/home/alice', 'json')).toBe(
      `{"ca": "${HOME_PLACEHOLDER}/corp.crt"}`,
    );
    expect(homeText('[ -f /home/alice/x ] && . /home/alice/x', '/home/alice', 'sh')).toBe(
      '[ -f $HOME/x ] && . $HOME/x',
    );
    expect(homeText('/home/alicex', '/home/alice', 'sh')).toBe('/home/alicex');
  });
});
