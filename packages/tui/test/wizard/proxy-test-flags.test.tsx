// When the wizard tests the proxy, by how it was started: on a terminal it does; under --root only with --network
// (a staged tree, maybe another machine's); never with --from (a replayed capture: --network with it is refused,
// exit 2, as on doctor); with --yes only when --network is given. And the "Found network options" line after
// detection, each value with where it was read. The probes are injected (no test probes a real network), their
// results go through the real network rules.
import { buildReport, examplesOf, findRule, type NetworkEvidence } from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/io.js';
import { App } from '../../src/wizard/app.js';
import type { Effects } from '../../src/wizard/effects.js';
import { runFlow } from '../../src/wizard/flow.js';
import { foundOptions, foundOptionsLine } from '../../src/wizard/found-options.js';
import { proxyTestOff } from '../../src/wizard/proxy-test.js';
import { EMPTY_ANSWERS } from '../../src/wizard/state.js';
import { machineFrom, runCli } from '../helpers.js';
import { fakeEffects } from './fake-effects.js';
import { waitFor } from './ink-driver.js';

const UNREACHABLE = synthesize(examplesOf(findRule('proxy-unreachable')!).bad.machine).network!;
const bad = fixtures.variant(fixtures.GOOD_DOCKER, { removeFiles: [fixtures.DROP_IN] });

/** The fake effects with one target choice, these proxy probes (each call's proxy recorded) and this reason off. */
function effects(o: {
  probes?: () => Promise<NetworkEvidence>;
  off?: string | null;
  calls?: string[];
}): Effects {
  return fakeEffects([], {
    targetChoices: [{ value: 'docker-systemd', label: 'dockerd and its BuildKit', reason: 'systemd' }],
    captureNetwork: o.probes
      ? async (_ev, a) => {
          o.calls?.push(a.proxy);
          return o.probes!();
        }
      : undefined,
    proxyTestOff: o.off ?? null,
  });
}

function captureIo(): { io: Io; out: () => string } {
  let text = '';
  const io = {
    out: (t: string) => {
      text += t;
    },
    err: (t: string) => {
      text += t;
    },
  } as unknown as Io;
  return { io, out: () => text };
}

const flow = (e: Effects, proxyTest: boolean) => {
  const { io, out } = captureIo();
  return runFlow({
    effects: e,
    given: {},
    act: 'print',
    runCommands: false,
    proxyTest,
    io,
    color: false,
  }).then((code) => ({ code, out: out() }));
};

describe('the proxy test with --from, --root and --yes', () => {
  it('says why it will not run: --from never, --root without --network', () => {
    const from = synthesize(bad);
    expect(proxyTestOff({ from })).toMatch(/--from replays a capture/);
    expect(proxyTestOff({ from, network: true })).toMatch(/--from/); // entry.ts refuses this pair before
    expect(proxyTestOff({ root: '/srv/staged' })).toMatch(/--network turns it on/);
    expect(proxyTestOff({ root: '/srv/staged', network: true })).toBeNull();
    expect(proxyTestOff({})).toBeNull();
  });

  it('--yes without --network: no probe, and it says how to ask for one', async () => {
    const calls: string[] = [];
    const r = await flow(effects({ probes: async () => UNREACHABLE, calls }), false);
    expect(calls).toEqual([]);
    expect(r.out).toContain('proxy test: not run (add --network to test the proxy first)');
  });

  it('--yes --network: the probes run once for the answered proxy, the network rules read them', async () => {
    const calls: string[] = [];
    const r = await flow(effects({ probes: async () => UNREACHABLE, calls }), true);
    expect(calls).toEqual([fixtures.PROXY]);
    expect(r.out).toMatch(/proxy test: ✗ proxy-unreachable: /);
    // the test comes after the network step's selection, before the paste step
    expect(r.out.indexOf('proxy test:')).toBeGreaterThan(r.out.indexOf('selected docker-systemd'));
    expect(r.out.indexOf('proxy test:')).toBeLessThan(r.out.indexOf('4. Paste'));
  });

  it('--yes --network with probes that throw: said, and the flow goes on', async () => {
    const r = await flow(
      effects({
        probes: async () => {
          throw new Error('no route to proxy.corp.example');
        },
      }),
      true,
    );
    expect(r.out).toContain('proxy test: could not run: no route to proxy.corp.example');
    expect(r.out).toContain('# buildproxy: nothing was written');
  });

  it('--yes --network under --root without the probes (a --from run cannot get here): the reason is printed', async () => {
    const r = await flow(effects({ off: 'not run: --from replays a capture' }), true);
    expect(r.out).toContain('proxy test: not run: --from replays a capture');
  });

  it('on a terminal: the first screen says why the test will not run', async () => {
    const { lastFrame, unmount } = render(
      <App
        effects={effects({ off: proxyTestOff({ root: '/srv/staged' }) })}
        color={false}
        canWriteHere
        planFile="/tmp/p.json"
        outDir="/tmp/out"
      />,
    );
    try {
      await waitFor(lastFrame, (f) => f.includes('What we found'));
      expect(lastFrame()).toMatch(/Proxy test: off under --root/);
    } finally {
      unmount();
    }
  });

  it('the built CLI refuses --network with --from, as doctor does (exit 2, names the fix)', async () => {
    const m = machineFrom(synthesize(bad));
    const bundle = `${m.dir}/bundle.json`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bundle, JSON.stringify(synthesize(bad)));
    const r = await runCli(['--from', bundle, '--network', '--yes', '--proxy', fixtures.PROXY], { m });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--network probes this machine, --from replays a bundle/);
    expect(r.stderr).toMatch(/fix: drop --network/);
  });

  it('the built CLI with --yes --root and no --network: no probe is made, and it says so', async () => {
    const m = machineFrom(synthesize(bad));
    const r = await runCli(['--root', m.root, '--yes', '--act', 'print', '--no-color'], {
      m,
      env: { HTTPS_PROXY: fixtures.PROXY },
    });
    expect(r.stdout).toContain('proxy test: not run (add --network to test the proxy first)');
  });
});

describe('"Found network options" after detection', () => {
  const ev = synthesize(bad);
  const report = buildReport(ev).report;

  it('names each value with the actor configuration it was read from', () => {
    const answers = { ...EMPTY_ANSWERS, proxy: fixtures.PROXY, noProxy: fixtures.NO_PROXY };
    const opts = foundOptions(report, answers, null);
    expect(opts.map((o) => o.name)).toEqual(['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY']);
    for (const o of opts) expect(o.source).not.toBe('given');
    const line = foundOptionsLine(opts)!;
    // the same value from the same source: named together
    expect(line).toMatch(
      /^Found network options: HTTP_PROXY, HTTPS_PROXY http:\S+ \(.+\) · NO_PROXY \S+ \(.+\)$/,
    );
  });

  it('the system proxy offered as the answer: its source; a flag: "given"; a password: masked', () => {
    const url = 'http://bob:s3cr3t@sys.corp.example:8080';
    const sug = foundOptions(
      report,
      { ...EMPTY_ANSWERS, proxy: url },
      { httpProxy: url, label: 'scutil --proxy' },
    );
    expect(sug[0]).toMatchObject({ name: 'HTTP_PROXY', source: 'scutil --proxy' });
    expect(JSON.stringify(sug)).not.toContain('s3cr3t');
    const flag = foundOptions(report, { ...EMPTY_ANSWERS, proxy: 'http://flag.example:1' }, null);
    expect(flag[0]!.source).toBe('given');
  });

  it('no proxy known: no line', () => {
    expect(foundOptionsLine(foundOptions(report, { ...EMPTY_ANSWERS }, null))).toBeNull();
  });

  it('on the first screen, under the actors', async () => {
    const { lastFrame, unmount } = render(
      <App effects={effects({})} color={false} canWriteHere planFile="/tmp/p.json" outDir="/tmp/out" />,
    );
    try {
      await waitFor(lastFrame, (f) => f.includes('What we found'));
      expect(lastFrame()).toMatch(/Found network options: HTTP_PROXY, HTTPS_PROXY http/);
      expect(lastFrame()).not.toMatch(/Proxy test:/);
    } finally {
      unmount();
    }
  });
});
