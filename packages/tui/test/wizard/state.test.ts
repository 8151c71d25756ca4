import { analyze, buildReport, signatures, type Target } from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { describe, expect, it } from 'vitest';
import { initialState, reducer, targetsForError, type WizardState } from '../../src/wizard/state.js';

const ev = synthesize(fixtures.GOOD_DOCKER);
const report = buildReport(ev).report;
const detected = (s: WizardState) =>
  reducer(s, {
    type: 'detected',
    evidence: ev,
    machine: analyze(ev),
    report,
    targetChoices: [{ value: 'docker-systemd', label: 'dockerd', reason: 'systemd' }],
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

describe('a pasted error adds the target that fixes its actor', () => {
  const token = signatures().find((s) => s.rules.includes('client-token-proxy'))!.example;
  const from = signatures().find((s) => s.rules.includes('builder-proxy-missing'))!.example;
  const choices: Target[] = ['docker-systemd', 'docker-daemon-json', 'docker-cli-config', 'client-shell'];

  it('per rule, the first target this machine can use, unless a chosen one already fixes it', () => {
    expect(targetsForError(token, choices, ['docker-systemd'])).toEqual(['client-shell']);
    // the token error is the client's alone (the innermost requester): nothing more once client-shell is chosen
    expect(targetsForError(token, choices, ['client-shell'])).toEqual([]);
    expect(targetsForError(token, choices, ['client-shell', 'docker-daemon-json'])).toEqual([]);
    // FROM timing out: the builder; docker-systemd comes first for this machine, daemon.json would be the same fix
    expect(targetsForError(from, choices, ['client-shell'])).toEqual(['docker-systemd']);
    expect(targetsForError(from, choices, ['docker-daemon-json'])).toEqual([]);
    expect(targetsForError('nothing to see', choices, [])).toEqual([]);
    expect(targetsForError(token, ['docker-cli-config'], [])).toEqual([]); // nothing usable here fixes it
  });

  it("reads the error with the detected machine: a loopback proxy is the builder's problem only in its namespace", () => {
    const loopback =
      'ERROR: failed to solve: failed to do request: Head "https://registry-1.docker.io/v2/library/alpine/manifests/3.20": proxyconnect tcp: dial tcp 127.0.0.1:3128: connect: connection refused';
    const all: Target[] = ['docker-systemd', 'buildx-docker-container', 'docker-cli-config'];
    const container = analyze(synthesize(fixtures.REFERENCE_MACHINE));
    expect(targetsForError(loopback, all, [], container)).toEqual(['buildx-docker-container']);
    // dockerd on the host (docker driver) reaching its own 127.0.0.1: the proxy is down, no file fixes that
    expect(targetsForError(loopback, all, [], analyze(ev))).toEqual([]);
    // not a proxy problem: nothing is added
    const token401 =
      'ERROR: failed to solve: failed to fetch oauth token: unexpected status from GET request to https://auth.docker.io/token: 401 Unauthorized';
    expect(targetsForError(token401, [...all, 'client-shell'], [], container)).toEqual([]);
  });

  it('leaving the paste step adds them and remembers why; the review shows it', () => {
    let s = detected(initialState());
    s = { ...s, targetChoices: choices.map((value) => ({ value, label: value, reason: value })) };
    s = reducer(reducer(s, { type: 'next' }), { type: 'next' }); // found → network → paste
    expect(s.step).toBe('paste');
    s = reducer(s, { type: 'answer', patch: { errorText: token } });
    s = reducer(s, { type: 'next' });
    expect(s.step).toBe('review');
    expect(s.answers.targets).toEqual(['docker-systemd', 'client-shell']);
    expect(s.fromError).toEqual(['client-shell']);
    // back and forward again adds nothing twice
    s = reducer(reducer(s, { type: 'back' }), { type: 'next' });
    expect(s.answers.targets).toEqual(['docker-systemd', 'client-shell']);
    expect(s.fromError).toEqual(['client-shell']);
  });
});
