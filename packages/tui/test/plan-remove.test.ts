// buildproxy plan --remove, then apply: the built CLI on a real --root tree, as root in a home nobody owns and as
// nobody itself. Round trip apply → remove keeps every key and line the user wrote; hostile files are refused
// with nothing removed.
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Machine, makeMachine, runCli, WHO } from './helpers.js';

const HOME = '/home/alice';
const CFG = `${HOME}/.docker/config.json`;
const SH = `${HOME}/.config/buildproxy/proxy.sh`;
const PROFILE = `${HOME}/.profile`;
const DAEMON = '/etc/docker/daemon.json';
const USER_CFG =
  '{\n  "auths": {"registry.corp.example": {"auth": "dTpwYXNz"}},\n  "credsStore": "pass"\n}\n';
const made: Machine[] = [];
afterAll(() => {
  for (const m of made) rmSync(m.dir, { recursive: true, force: true });
});

function setup(owner: number, runner: number | undefined) {
  const m = makeMachine();
  made.push(m);
  chmodSync(m.dir, 0o755);
  mkdirSync(join(m.root, HOME, '.docker'), { recursive: true });
  writeFileSync(join(m.root, CFG), USER_CFG, { mode: 0o600 });
  writeFileSync(join(m.root, PROFILE), '# mine\nexport EDITOR=vi\n');
  // plan -o files go where the runner may write (nobody cannot write the test's own folder)
  const work = join(m.dir, 'work');
  mkdirSync(work, { mode: 0o700 });
  if (runner !== undefined) for (const d of [m.root, work]) chownSync(d, runner, runner);
  for (const p of [HOME, `${HOME}/.docker`, CFG, PROFILE])
    if (owner) chownSync(join(m.root, p), owner, owner);
  const cli = (args: string[]) =>
    runCli([...args, '--root', m.root, '--no-color'], { m, as: runner, env: { HOME } });
  const file = (p: string) => join(m.root, p);
  /** As the home's owner would: edit a file in place. */
  const edit = (p: string, f: (s: string) => string) =>
    writeFileSync(file(p), f(readFileSync(file(p), 'utf8')));
  return { m, work, cli, file, edit };
}

/** Apply a real plan (config.json, proxy.sh, .profile, daemon.json) with a password full of shell characters. */
async function applyProxy(s: ReturnType<typeof setup>) {
  const plan = join(s.work, 'on.json');
  const p = await s.cli([
    'plan',
    '--proxy',
    `http://u:${encodeURIComponent(`p'"\`<$&#`)}@proxy.corp.example:3128`,
    '--target',
    'docker-cli-config',
    '--target',
    'client-shell',
    '--target',
    'docker-daemon-json',
    '-o',
    plan,
  ]);
  expect(p.code, p.stderr).toBe(0);
  const a = await s.cli(['apply', plan, '--yes']);
  expect(a.code, a.stdout + a.stderr).toBe(0);
  expect(readFileSync(s.file(SH), 'utf8')).toContain('export HTTPS_PROXY=');
}

async function removalPlan(s: ReturnType<typeof setup>, extra: string[] = []) {
  const out = join(s.work, `rm-${Math.random().toString(36).slice(2)}.json`);
  const r = await s.cli(['plan', '--remove', '-o', out, ...extra]);
  return { r, out };
}

describe.each(WHO)('plan --remove %s', (_who, as, owner) => {
  it('round trip: apply, the user edits, remove: buildproxy’s part goes, the user’s keys and lines stay', async () => {
    const s = setup(owner, as);
    await applyProxy(s);
    // The user adds a key beside the proxies and a line after buildproxy's block.
    s.edit(CFG, (t) => t.replace('"credsStore"', '"detachKeys": "ctrl-x",\n  "credsStore"'));
    s.edit(PROFILE, (t) => `${t}alias ll='ls -l'\n`);
    const dry = await s.cli(['plan', '--remove']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`${SH}  client-shell, removed (backed up first)`);
    expect(dry.stdout).not.toMatch(/p%27|dTpwYXNz/); // masked like every plan
    const { r, out } = await removalPlan(s);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(out).mode & 0o777).toBe(0o600);
    const check = await s.cli(['apply', out, '--dry-run']);
    expect(check.stdout).toContain(`would remove ${SH}`);
    expect(existsSync(s.file(SH))).toBe(true);
    const a = await s.cli(['apply', out, '--yes']);
    expect(a.code, a.stdout + a.stderr).toBe(0);
    expect(a.stdout).toMatch(new RegExp(`removed +${SH}  \\(backup: ${SH}\\.buildproxy-\\d+T\\d+Z\\.bak\\)`));
    expect(existsSync(s.file(SH))).toBe(false);
    expect(JSON.parse(readFileSync(s.file(CFG), 'utf8'))).toEqual({
      auths: { 'registry.corp.example': { auth: 'dTpwYXNz' } },
      detachKeys: 'ctrl-x',
      credsStore: 'pass',
    });
    expect(readFileSync(s.file(PROFILE), 'utf8')).toBe("# mine\nexport EDITOR=vi\nalias ll='ls -l'\n");
    expect(JSON.parse(readFileSync(s.file(DAEMON), 'utf8'))).toEqual({});
    // Every file and backup in the home is still its owner's; backups of secrets are 0600.
    for (const dir of [HOME, `${HOME}/.docker`, `${HOME}/.config/buildproxy`])
      for (const n of readdirSync(s.file(dir))) {
        const st = lstatSync(join(s.file(dir), n));
        expect(st.uid, `${dir}/${n}`).toBe(owner);
        if (n.endsWith('.bak')) expect(st.mode & 0o077, `${dir}/${n}`).toBe(0);
      }
    // Nothing left to take out; undo --last brings the proxy back.
    expect((await s.cli(['plan', '--remove'])).stdout).toContain('Nothing to take out');
    const u = await s.cli(['undo', '--last', '--yes']);
    expect(u.code, u.stdout + u.stderr).toBe(0);
    expect(readFileSync(s.file(SH), 'utf8')).toContain('export HTTPS_PROXY=');
  });

  it('proxy.sh swapped for a symbolic link after the plan: refused naming it, nothing at all removed', async () => {
    const s = setup(owner, as);
    await applyProxy(s);
    const { out } = await removalPlan(s);
    const victim = join(s.m.dir, 'victim');
    writeFileSync(victim, readFileSync(s.file(SH)));
    rmSync(s.file(SH));
    symlinkSync(victim, s.file(SH));
    const cfgBefore = readFileSync(s.file(CFG), 'utf8');
    const a = await s.cli(['apply', out, '--yes']);
    expect(a.code).toBe(1);
    expect(a.stdout).toContain(`${SH} is a symbolic link (to ${victim})`);
    expect(readFileSync(victim, 'utf8')).toContain('export HTTPS_PROXY=');
    expect(readFileSync(s.file(CFG), 'utf8')).toBe(cfgBefore); // all or nothing
  });

  it('a file changed since plan --remove is refused; nothing is removed', async () => {
    const s = setup(owner, as);
    await applyProxy(s);
    const { out } = await removalPlan(s);
    s.edit(CFG, (t) => t.replace('"credsStore"', '"newKey": 1,\n  "credsStore"'));
    const a = await s.cli(['apply', out, '--yes']);
    expect(a.code).toBe(1);
    expect(a.stdout).toContain(`${CFG}: the file changed since the plan was made`);
    expect(existsSync(s.file(SH))).toBe(true);
  });

  it('a removal plan edited to take out another file, or with no "before", is refused before anything', async () => {
    const s = setup(owner, as);
    await applyProxy(s);
    const { out } = await removalPlan(s);
    const plan = JSON.parse(readFileSync(out, 'utf8'));
    const sh = plan.changes.find((c: { path: string }) => c.path === SH);
    for (const [path, target, why] of [
      ['/etc/passwd', 'client-shell', /target client-shell never writes this path/],
      [`${HOME}/.config/buildproxy/../../.ssh/id_ed25519`, 'client-shell', /not a plain absolute path/],
      [`${HOME}/.ssh/authorized_keys`, 'docker-cli-config', /never writes this path/],
    ] as const) {
      writeFileSync(out, JSON.stringify({ ...plan, changes: [{ ...sh, path, target }] }));
      const a = await s.cli(['apply', out, '--yes']);
      expect(a.code, path).toBe(1);
      expect(a.stdout).toMatch(why);
    }
    writeFileSync(out, JSON.stringify({ ...plan, changes: [{ ...sh, before: null }] }));
    const bad = await s.cli(['apply', out, '--yes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('a removal needs "before" and an empty "after"');
    expect(existsSync(s.file(SH))).toBe(true);
  });

  it('config.json with a duplicate key: exit 1 naming line:column, the file untouched, the rest planned', async () => {
    const s = setup(owner, as);
    await applyProxy(s);
    s.edit(CFG, (t) => t.replace('"credsStore"', '"proxies": {},\n  "credsStore"'));
    const cfg = readFileSync(s.file(CFG), 'utf8');
    const { r, out } = await removalPlan(s);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /docker-cli-config refused: \/home\/alice\/\.docker\/config\.json:\d+:\d+: "proxies" is given 2 times/,
    );
    const plan = JSON.parse(readFileSync(out, 'utf8'));
    expect(plan.changes.map((c: { path: string }) => c.path)).not.toContain(CFG);
    expect((await s.cli(['apply', out, '--yes'])).code).toBe(0);
    expect(readFileSync(s.file(CFG), 'utf8')).toBe(cfg);
    expect(existsSync(s.file(SH))).toBe(false);
  });
});

describe('plan --remove, bad input', () => {
  it('a proxy flag with --remove is bad usage (exit 2); nothing written', async () => {
    const m = makeMachine();
    made.push(m);
    const r = await runCli(['plan', '--remove', '--proxy', 'http://p:1', '--root', m.root], { m });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--remove takes out what buildproxy wrote; --proxy has no meaning with it');
  });
});
