// One rule for the proxy flags, in `plan` and in the wizard's --yes flow: --proxy X means X for HTTP and HTTPS,
// whatever HTTPS_PROXY the shell holds.

import { formFromInput } from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { describe, expect, it } from 'vitest';
import { EMPTY_ANSWERS, mergeAnswers } from '../../src/wizard/state.js';
import { machineFrom, runCli } from '../helpers.js';

const FLAG = 'http://flag.corp.example:3128';
const SHELL = 'http://shell.corp.example:8080';

describe('proxy flags over a shell that has its own proxy', () => {
  it('the answers: --proxy replaces both, --https-proxy only HTTPS, as resolveProfile does', () => {
    const detected = { ...EMPTY_ANSWERS, proxy: SHELL, separateHttps: true, httpsProxy: 'http://other:1' };
    expect(mergeAnswers(detected, formFromInput({ proxy: FLAG }))).toMatchObject({
      proxy: FLAG,
      separateHttps: false,
      httpsProxy: '',
    });
    expect(mergeAnswers(detected, formFromInput({ httpsProxy: FLAG }))).toMatchObject({
      proxy: FLAG,
      separateHttps: false,
    });
    expect(mergeAnswers(detected, formFromInput({ proxy: FLAG, httpsProxy: SHELL }))).toMatchObject({
      proxy: FLAG,
      separateHttps: true,
      httpsProxy: SHELL,
    });
    expect(mergeAnswers(detected, formFromInput({}))).toMatchObject({
      proxy: SHELL,
      httpsProxy: 'http://other:1',
    });
  });

  it('the built CLI: --yes writes what plan --proxy plans, for HTTP and HTTPS', async () => {
    const m = machineFrom(synthesize(fixtures.GOOD_DOCKER));
    // The shell's own HTTP and HTTPS proxies differ, so the wizard would detect separate answers for each.
    const env = { HTTP_PROXY: 'http://shell-http.corp.example:8081', HTTPS_PROXY: SHELL };
    const args = ['--root', m.root, '--proxy', FLAG, '--target', 'docker-systemd'];
    const plan = await runCli(['plan', ...args, '--json'], { m, env });
    const planned = JSON.parse(plan.stdout)
      .changes.map((c: { after: string }) => c.after)
      .join('\n');
    const printed = (await runCli([...args, '--yes', '--act', 'print', '--no-color'], { m, env })).stdout;
    for (const out of [planned, printed]) {
      expect(out).toContain(`HTTPS_PROXY=${FLAG}`);
      expect(out).toContain(`HTTP_PROXY=${FLAG}`);
      expect(out).not.toContain('shell');
    }
  });
});
