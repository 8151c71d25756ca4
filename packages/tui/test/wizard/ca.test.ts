// "Proxy inspects TLS? yes" with a CA file: the wizard's answers, with the targets it lets the user pick, plan a
// CA step for every actor (issue 15: before, they planned none).
import { makePlan, profileFromForm } from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { describe, expect, it } from 'vitest';
import { EMPTY_ANSWERS } from '../../src/wizard/state.js';

describe('the wizard with TLS inspection', () => {
  it.each([
    ['docker driver', fixtures.GOOD_DOCKER, ['docker-systemd', 'docker-cli-config']],
    ['docker-container builder', fixtures.GOOD_CONTAINER, ['buildx-docker-container', 'client-shell']],
  ] as const)('%s: the chosen targets plus the CA steps', (_n, machine, targets) => {
    const answers = {
      ...EMPTY_ANSWERS,
      proxy: fixtures.PROXY,
      tlsInspect: true,
      caCert: '/home/alice/corp-ca.pem',
      targets: [...targets],
    };
    const plan = makePlan(synthesize(machine), profileFromForm(answers), { targets: [...targets] }).plan;
    expect(plan.targets).toContain('ca-trust');
    expect(plan.commands.map((c) => c.argv.join(' '))).toContain('update-ca-certificates');
    expect(plan.snippets.some((s) => s.language === 'dockerfile')).toBe(true);
    if (machine === fixtures.GOOD_CONTAINER)
      expect(plan.commands.some((c) => c.argv.includes('--buildkitd-config'))).toBe(true);
  });

  it('"no" plans no CA step', () => {
    const answers = {
      ...EMPTY_ANSWERS,
      proxy: fixtures.PROXY,
      tlsInspect: false,
      caCert: '/home/alice/corp-ca.pem',
    };
    const plan = makePlan(synthesize(fixtures.GOOD_DOCKER), profileFromForm(answers), {
      targets: ['docker-systemd'],
    }).plan;
    expect(plan.targets).not.toContain('ca-trust');
  });
});
