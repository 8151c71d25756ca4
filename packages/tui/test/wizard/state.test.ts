import { buildReport, fixtures, synthesize } from '@buildproxy/core';
import { describe, expect, it } from 'vitest';
import { initialState, reducer, type WizardState } from '../../src/wizard/state.js';

const ev = synthesize(fixtures.GOOD_DOCKER);
const report = buildReport(ev).report;
const detected = (s: WizardState) =>
  reducer(s, {
    type: 'detected',
    evidence: ev,
    report,
    targetChoices: [{ value: 'docker-systemd', label: 'dockerd' }],
    answers: {
      ...s.answers,
      proxy: 'http://detected:3128',
      noProxy: 'localhost',
      targets: ['docker-systemd'],
    },
  });

describe('wizard reducer', () => {
  it('starts detecting and moves to "found" when the probes are done', () => {
    const s = detected(initialState());
    expect(s.step).toBe('found');
    expect(s.answers.proxy).toBe('http://detected:3128');
    expect(s.history).toEqual([]);
  });

  it('flags given on the command line win over detected values', () => {
    const s = detected(initialState({ proxy: 'http://given:3128' }));
    expect(s.answers.proxy).toBe('http://given:3128');
    expect(s.answers.noProxy).toBe('localhost');
  });

  it('records probe lines, updating a running probe in place', () => {
    let s = reducer(initialState(), { type: 'probe', line: { label: 'docker info', status: 'running' } });
    s = reducer(s, { type: 'probe', line: { label: 'docker version', status: 'running' } });
    s = reducer(s, { type: 'probe', line: { label: 'docker info', status: 'ok', ms: 12 } });
    expect(s.probes).toEqual([
      { label: 'docker info', status: 'ok', ms: 12 },
      { label: 'docker version', status: 'running' },
    ]);
  });

  it('goes forward step by step and back one step with every answer kept', () => {
    let s = detected(initialState());
    s = reducer(s, { type: 'next' });
    expect(s.step).toBe('network');
    s = reducer(s, { type: 'answer', patch: { registries: 'registry.corp:5000' } });
    s = reducer(s, { type: 'next' });
    expect(s.step).toBe('paste');
    s = reducer(s, { type: 'back' });
    expect(s.step).toBe('network');
    expect(s.answers.registries).toBe('registry.corp:5000');
    s = reducer(s, { type: 'back' });
    expect(s.step).toBe('found');
    expect(reducer(s, { type: 'back' }).step).toBe('found'); // nothing before "found"
  });

  it('back from an explanation returns to the findings, not the previous step', () => {
    let s = detected(initialState());
    s = reducer(s, { type: 'explain', rule: 'client-token-proxy' });
    s = reducer(s, { type: 'back' });
    expect(s.explaining).toBeNull();
    expect(s.step).toBe('found');
  });

  it('re-plans when the review is entered again after changing answers', () => {
    let s = detected(initialState());
    for (let i = 0; i < 3; i++) s = reducer(s, { type: 'next' });
    expect(s.step).toBe('review');
    s = reducer(s, {
      type: 'planned',
      plan: { format: 'buildproxy.plan/v1', changes: [], commands: [], snippets: [] },
    });
    s = reducer(s, { type: 'back' });
    s = reducer(s, { type: 'next' });
    expect(s.plan).toBeNull();
  });

  it('after acting there is no way back to change what was written', () => {
    let s = detected(initialState());
    for (let i = 0; i < 4; i++) s = reducer(s, { type: 'next' });
    expect(s.step).toBe('act');
    s = reducer(s, { type: 'acted', outcome: { choice: 'write', ok: true, backups: [], lines: [] } });
    expect(s.step).toBe('verify');
    expect(reducer(s, { type: 'back' }).step).toBe('verify');
    s = reducer(s, { type: 'next' });
    expect(s.step).toBe('done');
    expect(reducer(s, { type: 'next' }).step).toBe('done');
  });
});
