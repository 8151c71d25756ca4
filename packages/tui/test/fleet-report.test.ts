// `buildproxy report DIR`: ten machines' real `doctor --json` (the built CLI replaying example machines with
// --from) merged into one table, and a folder an attacker also wrote to: malformed JSON, a symlink to a secret,
// a FIFO nobody writes, a huge file, a machine name holding terminal control sequences.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtures, type MachineSpec, synthesize } from '@buildproxy/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const {
  GOOD_DOCKER,
  GOOD_CONTAINER,
  GOOD_ROOTLESS,
  GOOD_REMOTE,
  GOOD_DAEMON_JSON,
  DROP_IN,
  CONFIG_JSON,
  variant,
} = fixtures;

// Ten machines: six healthy, three whose builder has no proxy (the drop-in is missing), one without config.json.
const NO_DROP_IN = variant(GOOD_DOCKER, { removeFiles: [DROP_IN] });
const NO_CONFIG = variant(GOOD_DOCKER, { removeFiles: [CONFIG_JSON] });
const MACHINES: [string, MachineSpec][] = [
  ['ci-01', GOOD_DOCKER],
  ['ci-02', GOOD_DAEMON_JSON],
  ['ci-03', GOOD_CONTAINER],
  ['ci-04', GOOD_ROOTLESS],
  ['ci-05', GOOD_REMOTE],
  ['ci-06', GOOD_DOCKER],
  ['farm-01', NO_DROP_IN],
  ['farm-02', NO_DROP_IN],
  ['farm-03', NO_DROP_IN],
  ['laptop-01', NO_CONFIG],
];
const PROXY_FLAGS = ['--proxy', fixtures.PROXY, '--no-proxy', fixtures.NO_PROXY];

let work: string;
let fleet: string;
const doctorJson = new Map<
  string,
  { code: number | null; report: { findings: { rule: string; severity: string }[] } }
>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'buildproxy-fleet-'));
  fleet = join(work, 'fleet');
  mkdirSync(fleet);
  for (const [name, spec] of MACHINES) {
    const bundle = join(work, `${name}.evidence.json`);
    writeFileSync(bundle, JSON.stringify(synthesize(spec)));
    const r = await runCli(['doctor', '--from', bundle, '--json', ...PROXY_FLAGS]);
    expect(r.stderr).toBe('');
    writeFileSync(join(fleet, `${name}.json`), r.stdout);
    doctorJson.set(name, { code: r.code, report: JSON.parse(r.stdout) });
  }
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('buildproxy report merges ten machines', () => {
  it('counts each failure over the machines that have it, most common first', async () => {
    const r = await runCli(['report', fleet, '--json']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.format).toBe('buildproxy.fleet/v1');
    expect(out.machines.map((m: { name: string }) => m.name)).toEqual(MACHINES.map(([n]) => n));
    expect(out.skipped).toEqual([]);
    // Recount from the doctor's own output, not from what the merge says.
    const count = new Map<string, Set<string>>();
    for (const [name, { report }] of doctorJson)
      for (const f of report.findings)
        if (f.severity !== 'info') count.set(f.rule, (count.get(f.rule) ?? new Set()).add(name));
    expect(count.size).toBeGreaterThan(0);
    const byRule = new Map<string, Set<string>>();
    for (const f of out.failures as { rule: string; machines: string[] }[])
      byRule.set(f.rule, new Set([...(byRule.get(f.rule) ?? []), ...f.machines]));
    expect(byRule).toEqual(count);
    const sizes = out.failures.map((f: { machines: string[] }) => f.machines.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    // the builder without a drop-in is the fleet's most common failure, on exactly the three farm machines
    expect(out.failures[0].machines).toEqual(['farm-01', 'farm-02', 'farm-03']);
    expect(out.failures[0].severity).toBe('error');
    // exit like the doctor: some machine has an error
    const anyError = [...doctorJson.values()].some((d) => d.code === 1);
    expect(anyError).toBe(true);
    expect(r.code).toBe(1);
  });

  it('prints a table: machines × actors, the rules per machine', async () => {
    const r = await runCli(['report', fleet, '--no-color']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('10 machines: ');
    const header = r.stdout.split('\n').find((l) => l.startsWith('machine'));
    expect(header).toMatch(/client\s+runtime\s+builder\s+run\s+rules/);
    expect(r.stdout).toMatch(/farm-02\s+\S\s+\S\s+✗/);
    const failures = r.stdout.indexOf('Most common failures');
    expect(r.stdout.indexOf('3/10', failures)).toBeGreaterThan(failures);
  });

  it('exits 0 when no machine has an error', async () => {
    const good = join(work, 'good');
    mkdirSync(good);
    for (const name of ['ci-01', 'ci-02', 'ci-03'])
      writeFileSync(join(good, `${name}.json`), JSON.stringify(doctorJson.get(name)!.report));
    const r = await runCli(['report', good, '--json']);
    expect(JSON.parse(r.stdout).machines).toHaveLength(3);
    expect(r.code).toBe(0);
  });
});

describe('buildproxy report on a folder someone else also wrote to', () => {
  it('skips and names each hostile file, merges the rest, and never blocks', async () => {
    const dir = join(work, 'hostile');
    mkdirSync(dir);
    const good = JSON.stringify(doctorJson.get('farm-01')!.report);
    writeFileSync(join(dir, 'ok.json'), good);
    writeFileSync(join(dir, 'broken.json'), '{"format": "buildproxy.report/v1", "findings": [');
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ format: 'something/v9', findings: [] }));
    const secret = join(work, 'secret.json');
    writeFileSync(secret, good);
    symlinkSync(secret, join(dir, 'link.json'));
    execFileSync('mkfifo', [join(dir, 'pipe.json')]); // nobody writes: a blocking open would hang forever
    writeFileSync(join(dir, 'huge.json'), Buffer.alloc(5 * 1024 * 1024, 0x20));
    const evil = 'evil\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J';
    writeFileSync(join(dir, `${evil}.json`), good);
    // a proxy password and a colour sequence inside a finding (JSON.parse turns \\u001b back into ESC)
    writeFileSync(
      join(dir, 'pass.json'),
      JSON.stringify({
        format: 'buildproxy.report/v1',
        findings: [
          { rule: 'http://u:hunter2@p.corp:3128\x1b[31m', severity: 'error', actor: 'builder', title: 't' },
        ],
        actors: {},
      }),
    );
    const r = await runCli(['report', dir, '--no-color'], { timeoutMs: 30_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/skipped broken\.json: not JSON/);
    expect(r.stderr).toMatch(/skipped other\.json: not a buildproxy\.report\/v1 report at format/);
    expect(r.stderr).toMatch(/skipped link\.json: a symbolic link; refused/);
    expect(r.stderr).toMatch(/skipped pipe\.json: not a regular file/);
    expect(r.stderr).toMatch(/skipped huge\.json: larger than 4194304 bytes/);
    for (const s of [r.stdout, r.stderr]) {
      expect(s).not.toContain('\x1b');
      expect(s).not.toContain('\x07');
      expect(s).not.toContain('hunter2');
    }
    expect(r.stdout).toContain('evil\\x1b]52;c;cm0gLXJmIH4=\\x07\\x1b[2J');
    expect(r.stdout).toContain('3 machines: 3 with errors');
    const json = await runCli(['report', dir, '--json']);
    expect(json.code).toBe(2);
    expect(json.stdout).not.toContain('hunter2');
    expect(json.stdout).not.toContain('\\u001b');
    const out = JSON.parse(json.stdout);
    expect(out.skipped.map((s: { name: string }) => s.name).sort()).toEqual([
      'broken',
      'huge',
      'link',
      'other',
      'pipe',
    ]);
  });

  it('refuses a folder of more than 1000 captures, and a missing folder, with exit 2', async () => {
    const many = join(work, 'many');
    mkdirSync(many);
    for (let i = 0; i <= 1000; i++) writeFileSync(join(many, `m${i}.json`), '{}');
    const r = await runCli(['report', many]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holds more than 1000 .json files');
    const missing = await runCli(['report', join(work, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    const none = await runCli(['report']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('report needs a folder');
  });
});
