// The wizard asks for the build command beside the pasted error (issue 13): with "buildctl build …" on a machine
// that also runs dockerd, the plan fixes the standalone buildkitd, never ~/.docker/config.json. The real effects
// run on a synthesized machine (liveEffects with --from); nothing is written.
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/wizard/app.js';
import { liveEffects } from '../../src/wizard/effects.js';
import { runFlow } from '../../src/wizard/flow.js';
import { PasteScreen } from '../../src/wizard/screens/paste.js';
import type { WizardState } from '../../src/wizard/state.js';
import { press, waitFor } from './ink-driver.js';

// dockerd without a proxy, and a rootful buildkitd started without one (its default socket, its systemd unit).
const machine = synthesize(
  fixtures.variant(fixtures.GOOD_DOCKER, {
    uid: 0,
    removeFiles: [fixtures.DROP_IN, fixtures.CONFIG_JSON],
    buildkitd: { env: {} },
    env: { HTTPS_PROXY: fixtures.PROXY, HTTP_PROXY: fixtures.PROXY },
    files: { '/etc/systemd/system/buildkit.service': '[Service]\nExecStart=/usr/local/bin/buildkitd\n' },
  }),
);
const BUILDCTL =
  'buildctl build --frontend dockerfile.v0 --local context=. --local dockerfile=. --opt build-arg:HTTPS_PROXY=http://alice:s3cret@proxy.corp:3128';
const ERROR =
  'ERROR: failed to solve: registry-1.docker.io/docker/dockerfile:1: failed to do request: Head "https://registry-1.docker.io/v2/docker/dockerfile/manifests/1": dial tcp 54.227.20.253:443: i/o timeout';
const effects = () =>
  liveEffects({ from: machine, timeoutMs: 1000, outDir: '/nonexistent', planFile: '/nonexistent/p' });

async function toPaste(stdin: { write: (s: string) => void }, lastFrame: () => string | undefined) {
  await waitFor(lastFrame, (f) => f.includes('What we found'));
  await press(stdin, 'k'); // the list wraps: up from the top is the last item, Continue
  await press(stdin, '\r');
  await waitFor(lastFrame, (f) => f.includes('Your network'));
  for (let i = 0; i < 12; i++) await press(stdin, '\t');
  await press(stdin, '\r');
  await waitFor(lastFrame, (f) => f.includes('Paste the error'));
}

describe('the wizard asks for the build command', () => {
  it('tab moves between the error and the command; the command is masked as typed', async () => {
    let command = '';
    const { lastFrame, stdin, rerender } = render(
      <PasteScreen
        text=""
        command={command}
        onChange={() => {}}
        onCommand={(c) => (command = c)}
        onNext={() => {}}
        onBack={() => {}}
      />,
    );
    expect(lastFrame()).toMatch(/› Paste the error/);
    await press(stdin, '\t');
    await press(stdin, BUILDCTL);
    expect(command).toBe(BUILDCTL);
    rerender(
      <PasteScreen
        text=""
        command={command}
        onChange={() => {}}
        onCommand={() => {}}
        onNext={() => {}}
        onBack={() => {}}
      />,
    );
    expect(lastFrame()).toMatch(/› The command you build with/);
    expect(lastFrame()).not.toContain('s3cret');
  });

  it('a buildctl command makes the review fix buildkitd, not config.json; the error names buildkitd', async () => {
    let state: WizardState | null = null;
    const { lastFrame, stdin } = render(
      <App
        effects={effects()}
        color={false}
        canWriteHere={false}
        planFile="/x"
        outDir="/x"
        onState={(s) => (state = s)}
      />,
    );
    await toPaste(stdin, lastFrame);
    await press(stdin, ERROR);
    // Read with the detected machine: a buildkitd runs here, so the requester is buildkitd, not dockerd.
    const read = await waitFor(lastFrame, (f) => f.includes('builder-proxy-missing'));
    expect(read).toMatch(/the standalone buildkitd: The request went direct/);
    await press(stdin, '\t', BUILDCTL);
    await press(stdin, '\r');
    await waitFor(lastFrame, (f) => f.includes('Review the changes'));
    const s = state as unknown as WizardState;
    expect(s.evidence?.buildCommand?.text).toBe(BUILDCTL);
    expect(s.answers.targets).toContain('buildkitd-systemd');
    expect(s.answers.targets).not.toContain('docker-cli-config');
    const paths = s.plan?.changes.map((c) => c.path) ?? [];
    expect(paths.some((p) => p.startsWith('/etc/systemd/system/buildkit.service.d/'))).toBe(true);
    expect(paths.some((p) => p.endsWith('/.docker/config.json'))).toBe(false);
    expect(paths.some((p) => p.includes('docker.service.d'))).toBe(false);
  });

  it('a line that is no build command is refused with the reason, and the step stays', async () => {
    const { lastFrame, stdin } = render(
      <App effects={effects()} color={false} canWriteHere={false} planFile="/x" outDir="/x" />,
    );
    await toPaste(stdin, lastFrame);
    await press(stdin, '\t', 'make all', '\r');
    const f = await waitFor(lastFrame, (fr) => fr.includes('no build command found'));
    expect(f).toContain('Paste the error');
  });

  it('--command with --yes: the same plan without a terminal', async () => {
    let out = '';
    const add = (t: string) => {
      out += t;
    };
    const io = { out: add, err: add };
    const code = await runFlow({
      effects: liveEffects({
        from: machine,
        timeoutMs: 1000,
        outDir: '/x',
        planFile: '/x',
        command: BUILDCTL,
      }),
      given: {},
      act: 'print',
      runCommands: false,
      io: io as never,
      color: false,
    });
    // print writes nothing: the machine keeps its errors, and --yes exits as the doctor would (1)
    expect(code).toBe(1);
    expect(out).toContain('/etc/systemd/system/buildkit.service.d/');
    expect(out).not.toContain('s3cret');
  });
});
