import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { describe, expect, it } from 'vitest';
import { CLI, machineFrom, makeMachine, runCli } from './helpers.js';

const { GOOD_DOCKER, DROP_IN, CONFIG_JSON, variant } = fixtures;
const PROXY = 'http://proxy.corp.example:3128';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** A machine whose dockerd has no proxy, a plan for it written to plan.json. */
async function planned(extraFiles: Record<string, string> = {}) {
  const m = machineFrom(
    synthesize(
      variant(GOOD_DOCKER, {
        removeFiles: [DROP_IN],
        files: { [CONFIG_JSON]: '{\n  "auths": {}\n}\n', ...extraFiles },
      }),
    ),
  );
  chmodSync(join(m.root, CONFIG_JSON), 0o640);
  const planFile = join(m.dir, 'plan.json');
  const r = await runCli(['plan', '--root', m.root, '--proxy', PROXY, '-o', planFile], { m });
  expect(r.code).toBe(0);
  return { m, planFile, plan: JSON.parse(readFileSync(planFile, 'utf8')) };
}

describe('buildproxy apply', () => {
  it('writes every file, backs up the old one, keeps mode, and is a no-op the second time', async () => {
    const { m, planFile, plan } = await planned();
    expect(statSync(planFile).mode & 0o777).toBe(0o600);
    expect(plan.changes.map((c: { path: string }) => c.path)).toEqual(
      expect.arrayContaining([DROP_IN, CONFIG_JSON]),
    );
    const r = await runCli(['apply', planFile, '--root', m.root, '--yes', '--no-color'], { m });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote\s+\/etc\/systemd\/system\/docker\.service\.d\/http-proxy\.conf/);
    expect(r.stdout).toMatch(/to run:\s+sudo systemctl restart docker\s+\(disruptive\)/);
    const cfg = join(m.root, CONFIG_JSON);
    expect(JSON.parse(readFileSync(cfg, 'utf8')).proxies.default.httpsProxy).toBe(PROXY);
    // config.json holds credentials: a group-readable mode is tightened, and apply says so.
    expect(statSync(cfg).mode & 0o777).toBe(0o600);
    expect(r.stdout).toMatch(/mode tightened from 0640 to 0600/);
    const backups = readdirSync(dirname(cfg)).filter((f) =>
      /^config\.json\.buildproxy-\d{8}T\d{6}Z\.bak$/.test(f),
    );
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dirname(cfg), backups[0]!), 'utf8')).toBe('{\n  "auths": {}\n}\n');
    const again = await runCli(['apply', planFile, '--root', m.root, '--yes', '--no-color'], { m });
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/wrote|to run/);
    expect(again.stdout).toMatch(/unchanged/);
  });

  it('planning again after apply gives an empty plan', async () => {
    const { m, planFile } = await planned();
    await runCli(['apply', planFile, '--root', m.root, '--yes'], { m });
    const r = await runCli(
      ['plan', '--root', m.root, '--proxy', PROXY, '--target', 'docker-cli-config', '--json'],
      { m },
    );
    expect(JSON.parse(r.stdout).changes).toEqual([]);
  });

  it('refuses a file edited since the plan was made, writes nothing over it, exit 1', async () => {
    const { m, planFile } = await planned();
    const cfg = join(m.root, CONFIG_JSON);
    writeFileSync(cfg, '{"auths": {"x": {}}}\n');
    const r = await runCli(['apply', planFile, '--root', m.root, '--yes', '--no-color'], { m });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /refused\s+\/home\/alice\/\.docker\/config\.json: the file changed since the plan was made/,
    );
    expect(readFileSync(cfg, 'utf8')).toBe('{"auths": {"x": {}}}\n');
  });

  it('--dry-run writes nothing', async () => {
    const { m, planFile } = await planned();
    const r = await runCli(['apply', planFile, '--root', m.root, '--dry-run', '--no-color'], { m });
    expect(r.stdout).toMatch(/would write/);
    expect(existsSync(join(m.root, DROP_IN))).toBe(false);
  });

  it('asks for --yes without a terminal', async () => {
    const { m, planFile } = await planned();
    const r = await runCli(['apply', planFile, '--root', m.root], { m });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--yes/);
  });

  it('runs the commands only with --run-commands, each with a timeout', async () => {
    const { m, planFile } = await planned();
    const log = join(m.dir, 'systemctl.log');
    writeFileSync(join(m.bin, 'systemctl'), `#!/bin/sh\necho "$*" >> ${log}\n`);
    chmodSync(join(m.bin, 'systemctl'), 0o755);
    const r = await runCli(['apply', planFile, '--root', m.root, '--yes', '--run-commands', '--no-color'], {
      m,
    });
    expect(r.code).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('daemon-reload\nrestart docker\n');
  });

  it.runIf(isRoot)(
    'not allowed to write a root-owned path: says the sudo command, writes nothing',
    async () => {
      const { m, planFile } = await planned();
      chmodSync(m.dir, 0o755);
      chmodSync(planFile, 0o644);
      for (const d of [m.root, join(m.root, 'home'), join(m.root, 'home/alice')]) chmodSync(d, 0o755);
      chownSync(join(m.root, 'home/alice'), 65534, 65534);
      chownSync(join(m.root, 'home/alice/.docker'), 65534, 65534);
      chownSync(join(m.root, CONFIG_JSON), 65534, 65534);
      const r = spawnSync(
        'setpriv',
        [
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          process.execPath,
          CLI,
          'apply',
          planFile,
          '--root',
          m.root,
          '--yes',
        ],
        {
          encoding: 'utf8',
          env: { PATH: '/usr/bin:/bin', HOME: '/home/alice', TMPDIR: m.dir },
        },
      );
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(
        /cannot write \/etc\/systemd\/system\/docker\.service\.d\/http-proxy\.conf.*nothing was written/s,
      );
      expect(r.stderr).toContain(`sudo buildproxy apply ${planFile}`);
      expect(readFileSync(join(m.root, CONFIG_JSON), 'utf8')).toBe('{\n  "auths": {}\n}\n');
    },
  );

  it.runIf(isRoot)('keeps the owner of a file it replaces', async () => {
    const { m, planFile } = await planned();
    chownSync(join(m.root, CONFIG_JSON), 1234, 1234);
    await runCli(['apply', planFile, '--root', m.root, '--yes'], { m });
    expect(statSync(join(m.root, CONFIG_JSON)).uid).toBe(1234);
  });

  it('two applies at once: the second is refused by the lock', async () => {
    const { m, planFile } = await planned();
    const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    writeFileSync(join(m.root, '.buildproxy-apply.lock'), `${process.pid} ${start}\n`, { mode: 0o600 });
    const r = await runCli(['apply', planFile, '--root', m.root, '--yes'], { m });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/another buildproxy apply \(pid \d+\) is running/);
  });

  it('two applies started together never interleave: one writes, the other is refused or finds it done', async () => {
    const { m, planFile, plan } = await planned();
    const [a, b] = await Promise.all([
      runCli(['apply', planFile, '--root', m.root, '--yes', '--no-color'], { m }),
      runCli(['apply', planFile, '--root', m.root, '--yes', '--no-color'], { m }),
    ]);
    const outs = [a, b].map((r) => r.stdout + r.stderr);
    expect(outs.filter((o) => /wrote/.test(o))).toHaveLength(1);
    expect(outs.some((o) => /another buildproxy apply|unchanged/.test(o))).toBe(true);
    for (const c of plan.changes) expect(readFileSync(join(m.root, c.path), 'utf8')).toBe(c.after);
    const cfgDir = dirname(join(m.root, CONFIG_JSON));
    expect(readdirSync(cfgDir).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
  });

  it('refuses a plan from a newer format version, and a malformed plan', async () => {
    const m = makeMachine();
    const f = join(m.dir, 'p.json');
    writeFileSync(f, JSON.stringify({ format: 'buildproxy.plan/v2', changes: [] }));
    const r = await runCli(['apply', f, '--yes'], { m });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plan format "buildproxy\.plan\/v2" is newer/);
    writeFileSync(
      f,
      JSON.stringify({
        format: 'buildproxy.plan/v1',
        changes: [{ path: 'relative' }],
        commands: [],
        snippets: [],
      }),
    );
    expect((await runCli(['apply', f, '--yes'], { m })).stderr).toMatch(/malformed plan at "changes\.0\./);
  });
});

describe('buildproxy plan', () => {
  it('shows diffs, commands with why/root/disruptive, and what it resolves; passwords redacted', async () => {
    const m = machineFrom(synthesize(variant(GOOD_DOCKER, { removeFiles: [DROP_IN] })));
    const r = await runCli(
      ['plan', '--root', m.root, '--proxy', 'http://alice:Sup3rS3cret@proxy.corp.example:3128', '--no-color'],
      { m },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+++ /etc/systemd/system/docker.service.d/http-proxy.env');
    expect(r.stdout).toMatch(
      /sudo systemctl restart docker\n\s+dockerd reads its environment only at start.*\[needs root, disruptive\]/,
    );
    expect(r.stdout).toMatch(/Resolves (once written|after the commands run):.*build-args-only/);
    expect(r.stdout + r.stderr).not.toContain('Sup3rS3cret');
    const j = await runCli(
      ['plan', '--root', m.root, '--proxy', 'http://alice:Sup3rS3cret@proxy.corp.example:3128', '--json'],
      { m },
    );
    expect(j.stdout).not.toContain('Sup3rS3cret');
  });

  it('rejects an unknown target and explains a refused one', async () => {
    const m = machineFrom(synthesize(variant(GOOD_DOCKER, { docker: { engine: '20.10.24+dfsg1' } })));
    const bad = await runCli(['plan', '--root', m.root, '--target', 'docker-json'], { m });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown target "docker-json"/);
    const r = await runCli(
      ['plan', '--root', m.root, '--proxy', PROXY, '--target', 'docker-daemon-json', '--no-color'],
      { m },
    );
    expect(r.stdout).toMatch(
      /! docker-daemon-json: Docker Engine 20\.10\.24\+dfsg1 does not know daemon\.json "proxies"/,
    );
  });

  it('never plans over a malformed daemon.json', async () => {
    const m = machineFrom(synthesize(GOOD_DOCKER));
    mkdirSync(join(m.root, 'etc/docker'), { recursive: true });
    writeFileSync(join(m.root, 'etc/docker/daemon.json'), '{"log-level": "info",}');
    const r = await runCli(
      ['plan', '--root', m.root, '--proxy', PROXY, '--target', 'docker-daemon-json', '--no-color'],
      { m },
    );
    expect(r.stdout).toMatch(/daemon\.json:1:22: .* never rewrites a file it cannot parse/);
  });
});

describe('fault injection', () => {
  it('killed -9 at every named point of every file of a multi-file plan: each file old or new, never partial; applying again finishes', async () => {
    const { m, planFile, plan } = await planned();
    type C = { path: string; before: string | null; after: string };
    const changes = plan.changes as C[];
    expect(changes.length).toBeGreaterThanOrEqual(2);
    const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
    const points = changes.flatMap((c) =>
      [...(c.before === null ? [] : ['backup-written']), 'temp-written', 'renamed'].map(
        (p) => `${base(c.path)}:${p}`,
      ),
    );
    const hooks = join(m.dir, 'hooks');
    const reset = () => {
      for (const c of changes) {
        const p = join(m.root, c.path);
        spawnSync('rm', ['-f', p]);
        for (const f of existsSync(dirname(p)) ? readdirSync(dirname(p)) : [])
          if (f.includes('.buildproxy-')) spawnSync('rm', ['-f', join(dirname(p), f)]);
        if (c.before !== null) writeFileSync(p, c.before);
      }
      spawnSync('rm', ['-rf', hooks]);
      mkdirSync(hooks);
    };
    for (const [i, point] of points.entries()) {
      reset();
      const child = spawn(process.execPath, [CLI, 'apply', planFile, '--root', m.root, '--yes'], {
        stdio: 'ignore',
        env: { PATH: m.bin, HOME: m.home, BUILDPROXY_TEST_HOOK_DIR: hooks, BUILDPROXY_TEST_KILL_AT: point },
      });
      const closed = new Promise((r) => child.on('close', r));
      // Wait until the writer has really reached the point (it announces it and pauses there), then kill it.
      for (let t = 0; !existsSync(join(hooks, point)); t++) {
        expect(t, `never reached ${point}`).toBeLessThan(1500);
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill('SIGKILL');
      await closed;
      const killedAt = changes.findIndex((c) => point.startsWith(`${base(c.path)}:`));
      for (const [j, c] of changes.entries()) {
        const p = join(m.root, c.path);
        const now = existsSync(p) ? readFileSync(p, 'utf8') : null;
        // Files are written in plan order: those before the killed one are new, those after it untouched.
        const done = j < killedAt || (j === killedAt && point.endsWith(':renamed'));
        expect(now, `${c.path} after a kill at ${point} (${i})`).toBe(done ? c.after : c.before);
        const dir = dirname(p);
        for (const f of (existsSync(dir) ? readdirSync(dir) : []).filter((f) =>
          f.startsWith(`${base(c.path)}.buildproxy-`),
        ))
          expect(readFileSync(join(dir, f), 'utf8')).toBe(c.before);
      }
      // The next apply takes over the dead process's lock and finishes the job.
      const again = await runCli(['apply', planFile, '--root', m.root, '--yes'], { m });
      expect(again.code, again.stdout + again.stderr).toBe(0);
      for (const c of changes) expect(readFileSync(join(m.root, c.path), 'utf8')).toBe(c.after);
    }
  }, 120_000);
});
