// The wizard's effects faked over core's fixtures: detection, planning, writing and verify without a machine.
import { analyze, buildReport, makePlan, profileFromForm, type TargetChoice } from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import type { Effects } from '../../src/wizard/effects.js';
import { EMPTY_ANSWERS } from '../../src/wizard/state.js';
import { tick } from './ink-driver.js';

const bad = fixtures.variant(fixtures.GOOD_DOCKER, { removeFiles: [fixtures.DROP_IN] });

const TWO_CHOICES: TargetChoice[] = [
  { value: 'docker-systemd', label: 'dockerd and its BuildKit', reason: 'systemd' },
  { value: 'docker-cli-config', label: 'RUN steps', reason: 'config.json' },
];

/**
 * `written` collects what act and runCommands were asked to do. `over` replaces single effects (a test's own proxy
 * probes, its proxyTestOff) or the target choices detection offers.
 */
export function fakeEffects(
  written: string[] = [],
  over: Partial<Effects> & { targetChoices?: TargetChoice[] } = {},
): Effects {
  const evidence = synthesize(bad);
  const { targetChoices = TWO_CHOICES, ...effects } = over;
  return {
    async detect(onProbe) {
      onProbe({ label: 'docker info', status: 'running' });
      await tick();
      onProbe({ label: 'docker info', status: 'ok', ms: 9 });
      return {
        evidence,
        machine: analyze(evidence),
        report: buildReport(evidence).report,
        targetChoices,
        answers: {
          ...EMPTY_ANSWERS,
          proxy: fixtures.PROXY,
          noProxy: fixtures.NO_PROXY,
          targets: ['docker-systemd'],
        },
      };
    },
    preselect: () => ({
      targets: ['docker-systemd'],
      why: { 'docker-systemd': 'fixes builder-proxy-missing' },
    }),
    plan: (ev, a) => makePlan(ev, profileFromForm(a), { targets: a.targets as never }).plan,
    report: (ev, a) => buildReport(ev, profileFromForm(a)).report,
    async act(choice, plan) {
      written.push(choice, ...plan.changes.map((c) => c.path));
      return {
        choice,
        ok: true,
        backups: ['/etc/x.bak'],
        lines: plan.changes.map((c) => `wrote ${c.path}`),
        written: plan.changes.map((c) => c.path),
      };
    },
    async runCommands(plan) {
      written.push('commands');
      return plan.commands.map((c) => `ran ${c.argv.join(' ')}`);
    },
    async verify(a) {
      return buildReport(synthesize(fixtures.GOOD_DOCKER), profileFromForm(a)).report;
    },
    async checkCaFile(p) {
      return p === '/ok.crt' ? null : `cannot read ${p}`;
    },
    async command(ev) {
      return { evidence: ev, machine: analyze(ev), targetChoices: [], targets: [] };
    },
    ...effects,
  };
}
