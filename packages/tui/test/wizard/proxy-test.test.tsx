// The wizard's network step with what core knows about the proxy: the machine's own proxy (suggestedProxy) as
// the default answer with its source, and the proxy test (doctor --network's captureNetwork, injected here: no
// test probes a real network) whose results go through the real network rules.
import { analyze, examplesOf, findRule, type NetworkEvidence, type TargetChoice } from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/wizard/app.js';
import type { Effects } from '../../src/wizard/effects.js';
import { offerSuggestion } from '../../src/wizard/proxy-test.js';
import { NetworkScreen } from '../../src/wizard/screens/network.js';
import { EMPTY_ANSWERS, type WizardState } from '../../src/wizard/state.js';
import { fakeEffects } from './fake-effects.js';
import { press, tick, waitFor } from './ink-driver.js';

const KEY = { enter: '\r', esc: '\u001B', tab: '\t', ctrlC: '\u0003' };

// macOS network settings as `scutil --proxy` prints them (the shape core's suggested-proxy test uses)
const MAC_MANUAL = {
  argv: ['scutil', '--proxy'],
  exitCode: 0,
  stdout:
    '<dictionary> {\n  HTTPEnable : 1\n  HTTPPort : 8080\n  HTTPProxy : proxy.corp.example\n  HTTPSEnable : 1\n  HTTPSPort : 8080\n  HTTPSProxy : proxy.corp.example\n}\n',
  stderr: '',
  timedOut: false,
  durationMs: 3,
};
const macMachine = () =>
  analyze(
    synthesize({
      platform: 'darwin',
      home: '/Users/alice',
      commands: [MAC_MANUAL],
      docker: { engine: '28.2.2', desktop: true, systemd: false },
    }),
  );

describe('the machine’s proxy as the default answer', () => {
  it('fills an empty proxy answer from the OS settings, with their source', () => {
    const { answers, suggested } = offerSuggestion(macMachine(), { ...EMPTY_ANSWERS });
    expect(answers.proxy).toBe('http://proxy.corp.example:8080');
    expect(suggested?.label).toMatch(/scutil --proxy/);
    const { lastFrame } = render(
      <NetworkScreen
        answers={answers}
        choices={[]}
        error={null}
        suggested={suggested}
        onAnswer={() => {}}
        onNext={() => {}}
        onBack={() => {}}
      />,
    );
    expect(lastFrame()).toMatch(/from: .*scutil --proxy/);
  });

  it('a proxy already answered is kept; the source only shows while the field holds the suggestion', () => {
    const given = { ...EMPTY_ANSWERS, proxy: 'http://other.corp:3128' };
    const { answers, suggested } = offerSuggestion(macMachine(), given);
    expect(answers).toEqual(given);
    expect(suggested).toBeNull();
    expect(
      offerSuggestion(analyze(synthesize({ docker: { engine: '28.2.2' } })), given).suggested,
    ).toBeNull();
  });

  it('the shell’s own proxy is left to the profile; a password is never shown, in the field or the source', () => {
    const state = analyze(
      synthesize({
        env: { HTTPS_PROXY: 'http://bob:s3cr%40t@env-proxy:3128' },
        docker: { engine: '28.2.2' },
      }),
    );
    const given = { ...EMPTY_ANSWERS };
    expect(offerSuggestion(state, given)).toEqual({ answers: given, suggested: null });
    const url = 'http://bob:s3cr%40t@proxy.corp.example:8080';
    const { lastFrame } = render(
      <NetworkScreen
        answers={{ ...EMPTY_ANSWERS, proxy: url }}
        choices={[]}
        error={null}
        suggested={{ httpProxy: url, label: `the PAC file ${url}/proxy.pac (from WPAD)` }}
        onAnswer={() => {}}
        onNext={() => {}}
        onBack={() => {}}
      />,
    );
    expect(lastFrame()).toContain('from: the PAC file');
    expect(lastFrame()).not.toMatch(/s3cr/);
  });
});

// a machine whose proxy port nothing listens on: the network results of proxy-unreachable's own bad example
const UNREACHABLE = synthesize(examplesOf(findRule('proxy-unreachable')!).bad.machine).network!;
const ONE_CHOICE: TargetChoice[] = [
  { value: 'docker-systemd', label: 'dockerd and its BuildKit', reason: 'systemd' },
];

/** The fake effects with one target choice and these proxy probes (each call's proxy recorded in `calls`). */
function effectsWith(captureNetwork: Effects['captureNetwork'], calls: string[] = []): Effects {
  return fakeEffects([], {
    targetChoices: ONE_CHOICE,
    captureNetwork: captureNetwork
      ? async (ev, a) => {
          calls.push(a.proxy);
          return captureNetwork(ev, a);
        }
      : undefined,
  });
}

async function toNetworkAndSubmit(
  stdin: { write: (s: string) => void },
  lastFrame: () => string | undefined,
) {
  await waitFor(lastFrame, (f) => f.includes('What we found'));
  await press(stdin, 'k', KEY.enter); // the list wraps: up from the top is Continue
  await waitFor(lastFrame, (f) => f.includes('Your network'));
  for (let i = 0; i < 8; i++) await press(stdin, KEY.tab); // to "What to fix"
  await press(stdin, KEY.enter);
}

describe('the proxy test after the network step', () => {
  it('runs the probes for the answered proxy and shows what the network rules found', async () => {
    const calls: string[] = [];
    const { lastFrame, stdin } = render(
      <App
        effects={effectsWith(async () => UNREACHABLE, calls)}
        color={false}
        canWriteHere
        planFile="/tmp/p.json"
        outDir="/tmp/out"
      />,
    );
    await toNetworkAndSubmit(stdin, lastFrame);
    const f = await waitFor(lastFrame, (x) => x.includes('The proxy test'));
    expect(f).toContain('proxy-unreachable');
    expect(calls).toEqual([fixtures.PROXY]);
    await press(stdin, KEY.enter);
    await waitFor(lastFrame, (x) => x.includes('Paste an error'));
  });

  it('a healthy proxy: no network problem found', async () => {
    const good = synthesize(examplesOf(findRule('proxy-unreachable')!).good.machine).network!;
    const { lastFrame, stdin } = render(
      <App effects={effectsWith(async () => good)} color={false} canWriteHere planFile="/p" outDir="/o" />,
    );
    await toNetworkAndSubmit(stdin, lastFrame);
    const f = await waitFor(lastFrame, (x) => x.includes('The proxy test'));
    expect(f).toContain('no network problem found');
    expect(f).not.toContain('proxy-unreachable');
  });

  it('a slow probe: esc skips it back to the form, and its late answer is dropped', async () => {
    let answer: (n: NetworkEvidence) => void = () => {};
    const slow = () => new Promise<NetworkEvidence>((r) => (answer = r));
    const { lastFrame, stdin } = render(
      <App effects={effectsWith(slow)} color={false} canWriteHere planFile="/p" outDir="/o" />,
    );
    await toNetworkAndSubmit(stdin, lastFrame);
    await waitFor(lastFrame, (x) => x.includes('Testing the proxy'));
    await press(stdin, KEY.esc);
    await waitFor(lastFrame, (x) => x.includes('Proxy URL') && !x.includes('Testing the proxy'));
    answer(UNREACHABLE);
    await tick();
    await tick();
    expect(lastFrame()).not.toContain('The proxy test');
    expect(lastFrame()).toContain('Proxy URL');
  });

  it('a slow probe: ctrl-c cancels the wizard while it runs', async () => {
    let last: WizardState | null = null;
    const { lastFrame, stdin } = render(
      <App
        effects={effectsWith(() => new Promise<NetworkEvidence>(() => {}))}
        color={false}
        canWriteHere
        planFile="/p"
        outDir="/o"
        onState={(s) => {
          last = s;
        }}
      />,
    );
    await toNetworkAndSubmit(stdin, lastFrame);
    await waitFor(lastFrame, (x) => x.includes('Testing the proxy'));
    await press(stdin, KEY.ctrlC);
    await waitFor(lastFrame, () => (last as WizardState | null)?.ended === 'cancelled');
  });

  it('without the probes (an Effects with no captureNetwork) the step goes straight on', async () => {
    const { lastFrame, stdin } = render(
      <App effects={effectsWith(undefined)} color={false} canWriteHere planFile="/p" outDir="/o" />,
    );
    await toNetworkAndSubmit(stdin, lastFrame);
    await waitFor(lastFrame, (x) => x.includes('Paste an error'));
  });
});
