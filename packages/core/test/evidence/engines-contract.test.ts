// The engines' side of the platforms evidence contract: bundles for Colima, podman machine and Rancher Desktop
// (which cannot run here) made from their documented files and command outputs — sources.json cites each — that
// validate, hold exactly what the capture asks for, mask what is secret, and replay through every rule with the
// findings each story predicts (the full list, so a rule that fires or stays quiet wrongly fails here).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { containersConfSources, podmanConnectionsPath } from '../../src/evidence/engines.js';
import { maskEvidence } from '../../src/evidence/mask.js';
import { rancherSettingsPath } from '../../src/evidence/platforms.js';
import type { Evidence } from '../../src/evidence/schema.js';
import { captureEngines } from '../../src/node/probes/engines.js';
import { makePlan } from '../../src/plan/index.js';
import { buildReport } from '../../src/report.js';
import { captureContext, contractBundles } from './contract-bundles.js';

const {
  names: NAMES,
  sources: SOURCES,
  load,
} = contractBundles(join(import.meta.dirname, '../fixtures/engines'));
const ctxOf = captureContext;

/** Run the engines' probes against a bundle: files and commands answered from it, tools on PATH if recorded. */
async function replay(ev: Evidence, askCommands = true) {
  const asked = { files: new Set<string>(), commands: new Set<string>() };
  const tools = new Set(ev.commands.map((c) => c.argv[0]!));
  await captureEngines({
    ctx: ctxOf(ev),
    root: undefined,
    read: async (p) => {
      asked.files.add(p);
      return ev.files[p] ?? null;
    },
    run: async (argv) => {
      asked.commands.add(argv.join(' '));
      const c = ev.commands.find((x) => x.argv.join('\0') === argv.join('\0'));
      return c ?? { argv: [...argv], exitCode: null, stdout: '', stderr: '', timedOut: false, durationMs: 0 };
    },
    onPath: (bin) => tools.has(bin),
    askCommands,
    systemd: false,
    isRoot: false,
  });
  return asked;
}

/** What each story must produce: every finding's rule, and the targets the default plan picks. */
const EXPECT: Record<string, { rules: string[]; targets: string[]; engine: string | null }> = {
  'colima-0.7.5-loopback': {
    // RUN steps: config.json has no proxies (true on Colima as anywhere: the CLI passes them as build args)
    rules: ['colima-loopback-proxy', 'run-proxy-missing'],
    targets: ['colima-yaml', 'docker-cli-config'],
    engine: 'colima',
  },
  'podman-machine-4.0-loopback': {
    rules: ['podman-machine-loopback-proxy', 'podman-remote-run-no-proxy', 'daemon-unreachable'],
    targets: ['podman-machine'],
    engine: null,
  },
  'lima-docker-system-proxy': {
    rules: ['lima-system-proxy', 'proxy-unknown'],
    targets: ['lima-override'],
    engine: 'lima',
  },
  // the transparent proxy carries dockerd's, BuildKit's and RUN's 80/443 (no builder or RUN finding), and is the
  // proxy the user chose; the docker CLI on Windows is outside the VM and fetches registry tokens itself, without it
  'rancher-wsl-proxy': {
    rules: ['client-token-proxy'],
    targets: ['client-shell'],
    engine: 'rancher-desktop',
  },
};

describe.each(NAMES)('engines contract bundle %s', (name) => {
  const ev = load(name);

  it('cites a public source for every file, command and the environment', () => {
    const src = SOURCES[name]!;
    expect(src, `sources.json has no entry for ${name}`).toBeDefined();
    expect(Object.keys(src.files).sort()).toEqual(Object.keys(ev.files).sort());
    expect(Object.keys(src.commands).sort()).toEqual(ev.commands.map((c) => c.argv.join(' ')).sort());
    for (const text of [...Object.values(src.files), ...Object.values(src.commands), src.env])
      expect(text).toMatch(/https:\/\/|recorded as absent|contract|captured/);
  });

  it('holds what the engines capture asks for, and the capture asks for nothing it does not hold', async () => {
    const asked = await replay(ev);
    for (const p of asked.files) expect(ev.files, `the capture read ${p}`).toHaveProperty([p]);
    const argvs = new Set(ev.commands.map((c) => c.argv.join(' ')));
    for (const a of asked.commands) expect(argvs, `the capture ran ${a}`).toContain(a);
    const engineArgvs = [...argvs].filter((a) => /^(podman|buildah|colima) /.test(a));
    for (const a of engineArgvs) expect(asked.commands, `the bundle holds ${a}`).toContain(a);
    const ctx = ctxOf(ev);
    for (const s of containersConfSources(ctx))
      if (s.kind === 'file') expect(ev.files).toHaveProperty([s.path]);
    expect(ev.files).toHaveProperty([podmanConnectionsPath(ctx)]);
    expect(ev.files).toHaveProperty([rancherSettingsPath(ctx)]);
  });

  it('holds no secret a capture would mask', () => {
    expect(maskEvidence(ev).env).toEqual(ev.env);
    expect(maskEvidence(ev).files).toEqual(ev.files);
  });

  it('replays through every rule with the findings its story predicts, and plans with the engine targets', () => {
    const { report, state } = buildReport(ev);
    expect(state.engines.vm.engine).toBe(EXPECT[name]!.engine);
    expect(report.findings.map((f) => f.rule).sort()).toEqual([...EXPECT[name]!.rules].sort());
    const { plan } = makePlan(ev, { proxy: 'http://proxy.corp.example:3128' });
    for (const t of EXPECT[name]!.targets) expect(plan.targets).toContain(t);
  });
});

describe('podman commands under --probes auto', () => {
  // `podman info` alone takes ~300 ms (pnpm bench): a docker user's doctor does not pay for it
  it('without askCommands, the files are read and no podman or buildah command runs', async () => {
    const ev = load('podman-machine-4.0-loopback');
    const asked = await replay(ev, false);
    expect([...asked.commands].filter((c) => /^(podman|buildah) /.test(c))).toEqual([]);
    expect(asked.files.size).toBeGreaterThan(0);
    const all = await replay(ev, true);
    expect([...all.commands].some((c) => c.startsWith('podman info'))).toBe(true);
  });
});

describe("Rancher Desktop's transparent proxy", () => {
  it('is the intended proxy, said on the actors it carries, and not on the client', () => {
    const ev = load('rancher-wsl-proxy');
    const { report, state } = buildReport(ev);
    expect(report.profile).toMatchObject({
      httpsProxy: 'http://proxy.corp.example:3128',
      source: "Rancher Desktop's transparent proxy (settings.json)",
    });
    for (const a of ['runtime', 'builder', 'run'] as const)
      expect(state.actors[a].notes.join('\n')).toMatch(
        /Rancher Desktop's transparent proxy http:\/\/proxy\.corp\.example:3128/,
      );
    expect(state.actors.client.notes.join('\n')).not.toMatch(/transparent/);
    const token = report.findings.find((f) => f.rule === 'client-token-proxy');
    expect(token?.actor).toBe('client');
  });

  it('off, or on macOS/Linux (where Rancher Desktop has no such proxy), it is not the intended proxy', () => {
    const ev = load('rancher-wsl-proxy');
    const path = Object.keys(ev.files).find((p) => p.endsWith('rancher-desktop\\settings.json'))!;
    const off = {
      ...ev,
      files: { ...ev.files, [path]: ev.files[path]!.replace('"enabled":true', '"enabled":false') },
    };
    expect(buildReport(off).report.findings.map((f) => f.rule)).toEqual(['proxy-unknown']);
  });
});

describe('Rancher Desktop settings.json', () => {
  it('reads experimental.virtualMachine.proxy and masks its password in a capture', () => {
    const ev = load('rancher-wsl-proxy');
    expect(buildReport(ev).state.engines.vm.rancher).toMatchObject({
      enabled: true,
      address: 'proxy.corp.example',
      port: 3128,
    });
    const path = rancherSettingsPath(ctxOf(ev));
    const secret = ev.files[path]!.replace('"password":""', '"password":"hunter2"');
    expect(maskEvidence({ ...ev, files: { ...ev.files, [path]: secret } }).files[path]).not.toContain(
      'hunter2',
    );
  });
});
