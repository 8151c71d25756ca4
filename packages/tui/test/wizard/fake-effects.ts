// The wizard's effects faked over core's fixtures: detection, planning, writing and verify without a machine.
import { analyze, buildReport, makePlan, profileFromForm } from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import type { Effects } from '../../src/wizard/effects.js';
import { EMPTY_ANSWERS } from '../../src/wizard/state.js';
import { tick } from './ink-driver.js';

const bad = fixtures.variant(fixtures.GOOD_DOCKER, { removeFiles: [fixtures.DROP_IN] });

export function fakeEffects(written: string[] = []): Effects {
  const evidence = synthesize(bad);
  return {
    async detect(onProbe) {
      onProbe({ label: 'docker info', status: 'running' });
      await tick();
      onProbe({ label: 'docker info', status: 'ok', ms: 9 });
      return {
        evidence,
        machine: analyze(evidence),
        report: buildReport(evidence).report,
        targetChoices: [
          { value: 'docker-systemd', label: 'dockerd and its BuildKit', reason: 'systemd' },
          { value: 'docker-cli-config', label: 'RUN steps', reason: 'config.json' },
        ],
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
  };
}
