// The wizard's own write path under sudo (issue 18 item 2, mechanism from issue 11): run by root for a user
// whose home it writes, every file and folder it creates there belongs to that user, never to root. The built
// CLI runs the wizard's flow (--yes, the same effects as the interactive act screen) on a --root tree.
import { chmodSync, chownSync, lstatSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRoot, type Machine, makeMachine, NOBODY, runCli } from './helpers.js';

const HOME = '/home/alice';
const made: Machine[] = [];
afterAll(() => {
  for (const m of made) rmSync(m.dir, { recursive: true, force: true });
});

function home(): Machine {
  const m = makeMachine();
  made.push(m);
  chmodSync(m.dir, 0o755);
  writeFileSync(join(m.root, HOME, '.profile'), '# mine\n');
  for (const p of [HOME, `${HOME}/.profile`]) chownSync(join(m.root, p), NOBODY, NOBODY);
  return m;
}

/** Every entry below dir: path, owner, mode. */
function tree(dir: string): { path: string; uid: number; mode: number }[] {
  const out: { path: string; uid: number; mode: number }[] = [];
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    const st = lstatSync(p);
    out.push({ path: p.slice(dir.length), uid: st.uid, mode: st.mode & 0o7777 });
    if (st.isDirectory()) out.push(...tree(p).map((e) => ({ ...e, path: `/${n}${e.path}` })));
  }
  return out;
}

describe.skipIf(!isRoot)('the wizard under sudo (skipped: not root)', () => {
  it('act "write": ~/.docker, ~/.config (0700), proxy.sh, config.json and .profile belong to the user', async () => {
    const m = home();
    const r = await runCli(
      [
        '--root',
        m.root,
        '--proxy',
        'http://u:p%40ss@proxy.corp.example:3128',
        '--target',
        'docker-cli-config',
        '--target',
        'client-shell',
        '--yes',
        '--no-color',
      ],
      { m, env: { HOME, SUDO_USER: 'nobody', SUDO_UID: String(NOBODY), SHELL: '/bin/sh' } },
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const entries = tree(join(m.root, HOME));
    const paths = entries.map((e) => e.path);
    for (const p of [
      '/.docker',
      '/.docker/config.json',
      '/.config',
      '/.config/buildproxy/proxy.sh',
      '/.profile',
    ])
      expect(paths, p).toContain(p);
    for (const e of entries) expect(e.uid, e.path).toBe(NOBODY);
    const mode = (p: string) => entries.find((e) => e.path === p)!.mode;
    expect(mode('/.config')).toBe(0o700);
    expect(mode('/.config/buildproxy/proxy.sh')).toBe(0o600);
    expect(mode('/.docker/config.json')).toBe(0o600);
  });

  it('act "save": the plan file saved into a folder the user owns is the user’s, 0600', async () => {
    const m = home();
    const dir = join(m.root, HOME, 'plans');
    mkdirSync(dir);
    chownSync(dir, NOBODY, NOBODY);
    const file = join(dir, 'plan.json');
    const r = await runCli(
      [
        '--root',
        m.root,
        '--proxy',
        'http://proxy.corp.example:3128',
        '--target',
        'docker-cli-config',
        '--act',
        'save',
        '--plan-file',
        file,
        '--yes',
        '--no-color',
      ],
      { m, env: { HOME, SUDO_USER: 'nobody' } },
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const st = lstatSync(file);
    expect(st.uid).toBe(NOBODY);
    expect(st.mode & 0o777).toBe(0o600);
  });
});
