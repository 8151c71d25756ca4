// long because: one attack per class of issue 11 (writes, untrusted plans), each run by root against a home an
// attacker (nobody) owns, and by that plain user itself; the setup helpers are shared by all of them.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  lchownSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, isRoot, type Machine, makeMachine, NOBODY, runCli, WHO } from './helpers.js';

const HOME = '/home/alice';
const CFG = `${HOME}/.docker/config.json`;
const made: Machine[] = [];
afterAll(() => {
  for (const m of made) {
    spawnSync('umount', ['-l', join(m.root, HOME, '.docker')], { stdio: 'ignore' });
    rmSync(m.dir, { recursive: true, force: true });
  }
});

/**
 * A --root tree whose /home/alice (and everything the test puts there) belongs to `owner`; the tree itself
 * belongs to `runner` (the --root folder of a plain user is its own).
 */
function machine(owner: number, runner?: number): Machine {
  const m = makeMachine();
  made.push(m);
  chmodSync(m.dir, 0o755);
  mkdirSync(join(m.root, HOME, '.docker'), { recursive: true });
  mkdirSync(join(m.dir, 'tmp'), { mode: 0o1777 });
  chmodSync(join(m.dir, 'tmp'), 0o1777);
  if (runner !== undefined) chownSync(m.root, runner, runner);
  if (owner !== 0) {
    chownSync(join(m.root, HOME), owner, owner);
    chownSync(join(m.root, HOME, '.docker'), owner, owner);
  }
  return m;
}

/** Put a file where the attacker (the home's owner) would. */
function plant(m: Machine, path: string, content: string, owner: number, mode = 0o644): string {
  const p = join(m.root, path);
  writeFileSync(p, content, { mode });
  chmodSync(p, mode);
  if (owner !== 0) chownSync(p, owner, owner);
  return p;
}

interface Change {
  path: string;
  before: string | null;
  after: string;
  target?: string;
  mode?: string;
}

function writePlan(
  m: Machine,
  changes: Change[],
  commands: { argv: string[]; target: string }[] = [],
): string {
  const file = join(m.dir, `plan-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      format: 'buildproxy.plan/v1',
      changes: changes.map((c) => ({
        path: c.path,
        mode: c.mode ?? '0600',
        needsRoot: false,
        before: c.before,
        after: c.after,
        rules: [],
        target: c.target ?? 'docker-cli-config',
        why: 'test',
      })),
      commands: commands.map((c) => ({ ...c, why: 'test', needsRoot: false, disruptive: false })),
      snippets: [],
    }),
    { mode: 0o644 },
  );
  return file;
}

const apply = (m: Machine, plan: string, as: number | undefined, extra: string[] = [], env = {}) =>
  runCli(['apply', plan, '--root', m.root, '--yes', '--no-color', ...extra], {
    m,
    as,
    env: { HOME, TMPDIR: join(m.dir, 'tmp'), ...env },
  });

/** Everything under a folder: name, type, owner, content hash; to prove nothing else changed. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      const st = lstatSync(p);
      const kind = st.isSymbolicLink()
        ? `link:${readlinkSync(p)}`
        : st.isDirectory()
          ? 'dir'
          : st.isFile()
            ? 'file'
            : 'other';
      const sum = st.isFile() ? createHash('sha256').update(readFileSync(p)).digest('hex').slice(0, 12) : '';
      out.push(`${p} ${kind} ${st.uid} ${(st.mode & 0o7777).toString(8)} ${sum}`);
      if (kind === 'dir') walk(p);
    }
  };
  walk(dir);
  return out;
}

describe.each(WHO)('writes %s', (_who, as, owner) => {
  it('refuses a target that is a symbolic link, naming it; the link and what it points to are untouched', async () => {
    const m = machine(owner, as);
    const victim = join(m.dir, 'victim');
    writeFileSync(victim, 'root:x:0:0\n', { mode: 0o644 });
    const link = join(m.root, CFG);
    symlinkSync(victim, link);
    if (owner) lchownSync(link, owner, owner);
    const r = await apply(m, writePlan(m, [{ path: CFG, before: 'root:x:0:0\n', after: '{}\n' }]), as);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${CFG} is a symbolic link (to ${victim})`);
    expect(readlinkSync(link)).toBe(victim);
    expect(readFileSync(victim, 'utf8')).toBe('root:x:0:0\n');
    expect(readdirSync(join(m.root, HOME, '.docker'))).toEqual(['config.json']);
  });

  it('refuses a symbolic link in any component of the path (a linked ~/.docker), writing nothing outside', async () => {
    const m = machine(owner, as);
    const outside = join(m.dir, 'outside');
    mkdirSync(outside);
    rmSync(join(m.root, HOME, '.docker'), { recursive: true });
    symlinkSync(outside, join(m.root, HOME, '.docker'));
    if (owner) lchownSync(join(m.root, HOME, '.docker'), owner, owner);
    const r = await apply(m, writePlan(m, [{ path: CFG, before: null, after: '{}\n' }]), as);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\/home\/alice\/\.docker is a symbolic link/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('pre-created predictable temp and lock names (symlinks for a range of pids) redirect nothing', async () => {
    const m = machine(owner, as);
    const victim = join(m.dir, 'victim');
    writeFileSync(victim, 'precious\n', { mode: 0o644 });
    plant(m, CFG, '{}\n', owner);
    const last = Number(
      readFileSync('/proc/loadavg', 'utf8').trim().split('/').pop()?.split(' ').pop() ?? 1000,
    );
    const dockerDir = join(m.root, HOME, '.docker');
    for (let pid = last; pid < last + 1500; pid++) {
      for (const p of [
        join(dockerDir, `.config.json.buildproxy-tmp-${pid}`),
        join(m.dir, 'tmp', `buildproxy-apply.lock.${pid}.tmp`),
      ]) {
        symlinkSync(victim, p);
        if (owner) lchownSync(p, owner, owner);
      }
    }
    const before = snapshot(dockerDir).filter((l) => l.includes('buildproxy-tmp'));
    const r = await apply(m, writePlan(m, [{ path: CFG, before: '{}\n', after: '{"proxies":{}}\n' }]), as);
    expect(r.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(statSync(victim).uid).toBe(0);
    const cfg = lstatSync(join(m.root, CFG));
    expect(cfg.isFile()).toBe(true);
    expect(cfg.uid).toBe(owner);
    expect(readFileSync(join(m.root, CFG), 'utf8')).toBe('{"proxies":{}}\n');
    expect(snapshot(dockerDir).filter((l) => l.includes('buildproxy-tmp'))).toEqual(before);
    // No new name in the world-writable temp folder: the lock is not there.
    expect(readdirSync(join(m.dir, 'tmp')).filter((f) => !f.startsWith('buildproxy-apply.lock.'))).toEqual(
      [],
    );
  });

  it.for([
    ['a directory', (p: string) => mkdirSync(p), /is a directory, not a regular file/],
    ['a FIFO', (p: string) => spawnSync('mkfifo', [p]), /is a FIFO, not a regular file/],
    [
      'a device',
      (p: string) => spawnSync('mknod', [p, 'c', '1', '3']),
      /is a device, not a regular file|Operation not permitted/,
    ],
  ] as const)(
    'a target that is %s: a clear error, exit 1, nothing left, no hang',
    async ([kind, make, message], ctx) => {
      if (kind === 'a device' && !isRoot) ctx.skip('mknod needs root');
      const m = machine(owner, as);
      const p = join(m.root, CFG);
      make(p);
      if (owner) chownSync(p, owner, owner);
      const before = snapshot(join(m.root, HOME));
      const r = await apply(m, writePlan(m, [{ path: CFG, before: null, after: '{}\n' }]), as);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|at \w+ \(/);
      expect(snapshot(join(m.root, HOME))).toEqual(before);
    },
  );

  it('never overwrites a backup: names already taken for the next seconds stay as they were', async () => {
    const m = machine(owner, as);
    plant(m, CFG, '{"a": 1}\n', owner);
    const now = Date.now();
    for (let s = -1; s < 15; s++) {
      const stamp = new Date(now + s * 1000)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
      plant(m, `${CFG}.buildproxy-${stamp}.bak`, 'someone else\n', owner);
    }
    const r = await apply(m, writePlan(m, [{ path: CFG, before: '{"a": 1}\n', after: '{"a": 2}\n' }]), as);
    expect(r.code).toBe(0);
    const dir = join(m.root, HOME, '.docker');
    const baks = readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(baks).toHaveLength(17);
    const ours = baks.filter((f) => readFileSync(join(dir, f), 'utf8') !== 'someone else\n');
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatch(/-2\.bak$/);
    expect(readFileSync(join(dir, ours[0]!), 'utf8')).toBe('{"a": 1}\n');
  });

  it('backups are byte-for-byte; a file that is not UTF-8 is refused, not mangled', async () => {
    const m = machine(owner, as);
    const rc = `${HOME}/.bashrc`;
    const exact = Buffer.from('alias ll=ls\r\n# caf\u00e9 \u2603\r\nexport X=1', 'utf8');
    writeFileSync(join(m.root, rc), exact);
    if (owner) chownSync(join(m.root, rc), owner, owner);
    const text = exact.toString('utf8');
    const ok = await apply(
      m,
      writePlan(m, [
        {
          path: rc,
          before: text,
          after: `${text}\n# >>> buildproxy >>>\n`,
          target: 'client-shell',
          mode: '0644',
        },
      ]),
      as,
    );
    expect(ok.code).toBe(0);
    const bak = readdirSync(join(m.root, HOME)).find((f) => f.endsWith('.bak'))!;
    expect(readFileSync(join(m.root, HOME, bak)).equals(exact)).toBe(true);
    // Latin-1 é: the plan saw U+FFFD where the file has the byte 0xE9.
    const latin1 = Buffer.from([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]);
    writeFileSync(join(m.root, rc), latin1);
    const r = await apply(
      m,
      writePlan(m, [
        { path: rc, before: latin1.toString('utf8'), after: 'x\n', target: 'client-shell', mode: '0644' },
      ]),
      as,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\.bashrc is not UTF-8 text/);
    expect(readFileSync(join(m.root, rc)).equals(latin1)).toBe(true);
  });

  const setxattr = (p: string, v: string) =>
    spawnSync('python3', [
      '-c',
      `import os,sys; os.setxattr(sys.argv[1], 'user.origin', sys.argv[2].encode())`,
      p,
      v,
    ]);
  const getxattr = (p: string) =>
    spawnSync(
      'python3',
      ['-c', `import os,sys; print(os.getxattr(sys.argv[1], 'user.origin').decode())`, p],
      {
        encoding: 'utf8',
      },
    ).stdout.trim();
  it('extended attributes of the file it replaces are kept (skipped when python3 cannot set one here)', async (ctx) => {
    const m = machine(owner, as);
    const p = plant(m, CFG, '{}\n', owner);
    if (setxattr(p, 'dotfiles').status !== 0) ctx.skip('python3 cannot set a user xattr on this file system');
    const r = await apply(m, writePlan(m, [{ path: CFG, before: '{}\n', after: '{"x":1}\n' }]), as);
    expect(r.code).toBe(0);
    expect(readFileSync(p, 'utf8')).toBe('{"x":1}\n');
    expect(getxattr(p)).toBe('dotfiles');
  });

  // POSIX ACLs (setfacl, from the acl package scripts/ensure-tools.sh installs): a dotfiles setup that lets a
  // backup agent read ~/.bashrc must keep that grant after buildproxy rewrites the file.
  const hasAcl = spawnSync('setfacl', ['--version']).status === 0;
  it('an ACL on the file it replaces is kept (setfacl/getfacl, skipped where the file system has no ACLs)', async (ctx) => {
    if (!hasAcl) ctx.skip('setfacl is not installed');
    const m = machine(owner, as);
    const rc = `${HOME}/.bashrc`;
    const p = plant(m, rc, 'export A=1\n', owner, 0o644);
    const set = spawnSync('setfacl', ['-m', 'u:bin:rw,g:daemon:r', p], { encoding: 'utf8' });
    if (set.status !== 0) ctx.skip(`this file system takes no ACL (${set.stderr.trim()})`);
    const acl = () =>
      spawnSync('getfacl', ['--omit-header', '--numeric', p], { encoding: 'utf8' }).stdout.trim();
    const before = acl();
    expect(before).toMatch(/user:\d+:rw-/);
    const r = await apply(
      m,
      writePlan(m, [
        { path: rc, before: 'export A=1\n', after: 'export A=2\n', target: 'client-shell', mode: '0644' },
      ]),
      as,
    );
    expect(r.code).toBe(0);
    expect(readFileSync(p, 'utf8')).toBe('export A=2\n');
    expect(acl()).toBe(before);
    expect(lstatSync(p).uid).toBe(owner);
  });

  it('a credential file with a looser mode is tightened to 0600, and apply says so', async () => {
    const m = machine(owner, as);
    plant(m, CFG, '{}\n', owner, 0o644);
    const r = await apply(m, writePlan(m, [{ path: CFG, before: '{}\n', after: '{"proxies":{}}\n' }]), as);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/mode tightened from 0644 to 0600: it holds the proxy credentials/);
    expect(statSync(join(m.root, CFG)).mode & 0o777).toBe(0o600);
  });

  it('files and folders created in the home belong to its owner, never to root', async () => {
    const m = machine(owner, as);
    const sh = `${HOME}/.config/buildproxy/proxy.sh`;
    const r = await apply(
      m,
      writePlan(m, [
        { path: CFG, before: null, after: '{}\n' },
        { path: sh, before: null, after: 'export A=1\n', target: 'client-shell' },
      ]),
      as,
    );
    expect(r.code).toBe(0);
    for (const p of [CFG, `${HOME}/.config`, `${HOME}/.config/buildproxy`, sh]) {
      expect(statSync(join(m.root, p)).uid, p).toBe(owner);
    }
    expect(statSync(join(m.root, sh)).mode & 0o777).toBe(0o600);
  });

  it('two applies never share a lock a stranger can hold: a stale, pid-only or foreign lock does not block', async () => {
    const m = machine(owner, as);
    plant(m, CFG, '{}\n', owner);
    const lock = join(m.root, '.buildproxy-apply.lock');
    if (as === undefined || owner === 0) {
      writeFileSync(lock, String(process.pid)); // a pid anyone could have written, no start time: not trusted
      if (isRoot) chownSync(lock, NOBODY, NOBODY); // and owned by someone else: foreign
    }
    const r = await apply(m, writePlan(m, [{ path: CFG, before: '{}\n', after: '{"b":1}\n' }]), as);
    expect(r.code).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });
});

describe.skipIf(!isRoot)('root only (skipped: not root, cannot switch users or mount)', () => {
  it('the writer the single executable starts as the owner (buildproxy __file-op) writes like the -e one', () => {
    const m = machine(NOBODY);
    const req = {
      op: 'replace',
      start: join(m.root, HOME),
      dirs: ['.docker'],
      name: 'config.json',
      shown: CFG,
    };
    const r = spawnSync(process.execPath, [CLI, '__file-op'], {
      input: JSON.stringify({
        ...req,
        content: Buffer.from('{}\n').toString('base64'),
        mode: 0o600,
        dirMode: 0o700,
      }),
      uid: NOBODY,
      gid: NOBODY,
      encoding: 'utf8',
    });
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, status: 'written' });
    expect(statSync(join(m.root, CFG)).uid).toBe(NOBODY);
  });

  it('a root-owned folder inside the home is not written by root (the owner cannot write it either)', async () => {
    const m = machine(NOBODY);
    mkdirSync(join(m.root, HOME, '.docker/buildx'), { mode: 0o755 });
    const r = await apply(
      m,
      writePlan(m, [
        {
          path: `${HOME}/.docker/buildx/buildkitd-b1.toml`,
          before: null,
          after: 'x\n',
          target: 'buildx-docker-container',
          mode: '0644',
        },
      ]),
      undefined,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write \/home\/alice\/\.docker\/buildx\/buildkitd-b1\.toml/);
    expect(readdirSync(join(m.root, HOME, '.docker/buildx'))).toEqual([]);
  });

  it('a live lock blocks with its pid; it frees itself when the holder exits', async () => {
    const m = machine(NOBODY);
    plant(m, CFG, '{}\n', NOBODY);
    const holder = spawn('sleep', ['30']);
    const stat = readFileSync(`/proc/${holder.pid}/stat`, 'utf8');
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    writeFileSync(join(m.root, '.buildproxy-apply.lock'), `${holder.pid} ${start}\n`, { mode: 0o600 });
    const plan = writePlan(m, [{ path: CFG, before: '{}\n', after: '{"c":1}\n' }]);
    const busy = await apply(m, plan, undefined);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(`another buildproxy apply (pid ${holder.pid}) is running`);
    holder.kill('SIGKILL');
    await new Promise((r) => holder.on('close', r));
    expect((await apply(m, plan, undefined)).code).toBe(0);
  });

  it('a racing symlink swap of ~/.docker never gets root to write outside the home', async () => {
    const m = machine(NOBODY);
    const victimDir = join(m.dir, 'victim-dir');
    mkdirSync(victimDir, { mode: 0o755 });
    writeFileSync(join(victimDir, 'config.json'), 'precious\n');
    const docker = join(m.root, HOME, '.docker');
    // The attacker (nobody) swaps ~/.docker between its real folder and a link to the victim, as fast as it can.
    const swapper = spawn(
      process.execPath,
      [
        '-e',
        `const fs=require('fs');const d=${JSON.stringify(docker)};for(;;){try{fs.renameSync(d,d+'.real');fs.symlinkSync(${JSON.stringify(victimDir)},d);fs.unlinkSync(d);fs.renameSync(d+'.real',d);}catch{}}`,
      ],
      { uid: NOBODY, gid: NOBODY, stdio: 'ignore' },
    );
    try {
      let outcomes = '';
      for (let i = 0; i < 8; i++) {
        const r = await apply(
          m,
          writePlan(m, [{ path: CFG, before: null, after: `{"run":${i}}\n` }]),
          undefined,
        );
        outcomes += r.stdout + r.stderr;
        expect(r.stderr).not.toMatch(/internal error/);
      }
      expect(outcomes).toMatch(/wrote|refused|cannot write/);
    } finally {
      swapper.kill('SIGKILL');
    }
    expect(readdirSync(victimDir)).toEqual(['config.json']);
    expect(readFileSync(join(victimDir, 'config.json'), 'utf8')).toBe('precious\n');
    for (const line of snapshot(join(m.root, HOME))) expect(line.split(' ')[2], line).toBe(String(NOBODY));
  }, 60_000);

  it.for([
    ['root', undefined],
    ['the plain user nobody', NOBODY],
  ] as const)(
    'disk full (a 64 KiB tmpfs), applying as %s: a clean message, the original intact, no leftovers',
    async ([_w, as], ctx) => {
      const m = machine(NOBODY, as);
      const docker = join(m.root, HOME, '.docker');
      const mount = spawnSync('mount', [
        '-t',
        'tmpfs',
        '-o',
        `size=64k,uid=${NOBODY},gid=${NOBODY},mode=0755`,
        'tmpfs',
        docker,
      ]);
      if (mount.status !== 0) ctx.skip(`cannot mount a tmpfs here (${String(mount.stderr).trim()})`);
      const original = `{"pad": "${'o'.repeat(30_000)}"}\n`;
      plant(m, CFG, original, NOBODY);
      const r = await apply(
        m,
        writePlan(m, [{ path: CFG, before: original, after: `{"pad": "${'n'.repeat(40_000)}"}\n` }]),
        as,
      );
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(
        /no space left to write \/home\/alice\/\.docker\/config\.json; nothing was changed/,
      );
      expect(r.stderr).not.toMatch(/internal error|ENOSPC: /);
      expect(readFileSync(join(m.root, CFG), 'utf8')).toBe(original);
      expect(readdirSync(docker)).toEqual(['config.json']);
    },
  );

  it('per-user commands run as SUDO_USER with its DOCKER_CONFIG; system ones as root; the plan cannot choose', async () => {
    const m = machine(NOBODY);
    chmodSync(m.bin, 0o755);
    const log = join(m.dir, 'cmd.log');
    writeFileSync(log, '', { mode: 0o666 });
    chmodSync(log, 0o666);
    for (const bin of ['docker', 'systemctl']) {
      writeFileSync(
        join(m.bin, bin),
        `#!/bin/sh\necho "$(id -u) \${DOCKER_CONFIG:-none} ${bin} $*" >> ${log}\n`,
        { mode: 0o755 },
      );
    }
    plant(m, CFG, '{}\n', NOBODY);
    const plan = writePlan(
      m,
      [{ path: CFG, before: '{}\n', after: '{"x":1}\n' }],
      [
        { argv: ['docker', 'buildx', 'rm', '--keep-state', 'b1'], target: 'buildx-docker-container' },
        {
          argv: ['docker', 'buildx', 'create', '--name', 'b1', '--driver', 'docker-container', '--bootstrap'],
          target: 'buildx-docker-container',
        },
        { argv: ['systemctl', 'restart', 'docker'], target: 'docker-daemon-json' },
      ],
    );
    const r = await apply(m, plan, undefined, ['--run-commands'], {
      SUDO_USER: 'nobody',
      PATH: `${m.bin}:/usr/bin:/bin`,
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ran\s+docker buildx rm --keep-state b1 \(as nobody\)/);
    expect(r.stdout).toMatch(/ran\s+(sudo )?systemctl restart docker\n/);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      `${NOBODY} /nonexistent/.docker docker buildx rm --keep-state b1`,
      `${NOBODY} /nonexistent/.docker docker buildx create --name b1 --driver docker-container --bootstrap`,
      '0 none systemctl restart docker',
    ]);
  });
});

describe.each(WHO)('an untrusted plan file, applied %s', (_who, as, owner) => {
  const hostile: [string, Change[], { argv: string[]; target: string }[], RegExp][] = [
    [
      '/etc/passwd for docker-cli-config',
      [{ path: '/etc/passwd', before: null, after: 'x' }],
      [],
      /never writes this path/,
    ],
    [
      'a path with ..',
      [{ path: `${HOME}/.docker/../../../etc/passwd`, before: null, after: 'x' }],
      [],
      /not a plain absolute path/,
    ],
    [
      'a relative path',
      [{ path: 'etc/passwd', before: null, after: 'x' }],
      [],
      /malformed plan|not a plain absolute path/,
    ],
    ['mode 0777', [{ path: CFG, before: null, after: 'x', mode: '0777' }], [], /mode 0777 is not the 0600/],
    [
      'a setuid mode',
      [{ path: CFG, before: null, after: 'x', mode: '4755' }],
      [],
      /malformed plan|mode 4755/,
    ],
    [
      'an unknown target',
      [{ path: CFG, before: null, after: 'x', target: 'evil' }],
      [],
      /unknown target "evil"/,
    ],
    [
      'sh -c as a command',
      [],
      [{ argv: ['sh', '-c', 'touch /tmp/pwned'], target: 'docker-systemd' }],
      /not a command target docker-systemd runs/,
    ],
    [
      'a buildx create with an injected flag',
      [],
      [
        {
          argv: [
            'docker',
            'buildx',
            'create',
            '--name',
            'b',
            '--driver-opt',
            'env.X=1',
            '--config',
            '/etc/shadow',
          ],
          target: 'buildx-docker-container',
        },
      ],
      /not a command target buildx-docker-container runs/,
    ],
    [
      'a builder name with a shell metacharacter',
      [],
      [{ argv: ['docker', 'buildx', 'rm', '--keep-state', 'b;id'], target: 'buildx-docker-container' }],
      /not a command target/,
    ],
  ];
  it.each(hostile)(
    '%s: refused, nothing written or run, not even "would write" in --dry-run',
    async (_n, changes, commands, why) => {
      const m = machine(owner, as);
      const before = snapshot(m.root);
      const plan = writePlan(m, changes, commands);
      for (const extra of [['--dry-run'], ['--run-commands']]) {
        const r = await apply(m, plan, as, extra);
        expect(r.code).not.toBe(0);
        expect(r.stdout + r.stderr).toMatch(why);
        expect(r.stdout).not.toMatch(/would write|wrote|ran /);
      }
      expect(snapshot(m.root)).toEqual(before);
    },
  );
});
