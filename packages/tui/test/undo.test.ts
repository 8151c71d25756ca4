// buildproxy undo PLAN|--last: the files one apply wrote go back, byte for byte, only if still as apply left
// them; the same safety as apply (as root in a home nobody owns, and as nobody itself).
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Machine, makeMachine, runCli, WHO } from './helpers.js';

const HOME = '/home/alice';
const CFG = `${HOME}/.docker/config.json`;
const SH = `${HOME}/.config/buildproxy/proxy.sh`;
const made: Machine[] = [];
afterAll(() => {
  for (const m of made) rmSync(m.dir, { recursive: true, force: true });
});

const ORIGINAL = Buffer.from('{"auths": {},\r\n "caf\u00e9": 1}', 'utf8'); // CRLF, no final newline, multibyte

function setup(owner: number, runner: number | undefined) {
  const m = makeMachine();
  made.push(m);
  chmodSync(m.dir, 0o755);
  mkdirSync(join(m.root, HOME, '.docker'), { recursive: true });
  writeFileSync(join(m.root, CFG), ORIGINAL);
  if (runner !== undefined) chownSync(m.root, runner, runner);
  for (const p of [HOME, `${HOME}/.docker`, CFG]) if (owner) chownSync(join(m.root, p), owner, owner);
  const plan = join(m.dir, 'plan.json');
  const change = (path: string, before: string | null, after: string, target: string) => ({
    path,
    mode: '0600',
    needsRoot: false,
    before,
    after,
    rules: [],
    target,
    why: 'test',
  });
  writeFileSync(
    plan,
    JSON.stringify({
      format: 'buildproxy.plan/v1',
      changes: [
        change(CFG, ORIGINAL.toString('utf8'), '{"proxies": {}}\n', 'docker-cli-config'),
        change(SH, null, 'export HTTP_PROXY=x\n', 'client-shell'),
      ],
      commands: [],
      snippets: [],
    }),
    { mode: 0o644 },
  );
  const run = (args: string[]) =>
    runCli([...args, '--root', m.root, '--no-color'], { m, as: runner, env: { HOME } });
  return { m, plan, run };
}

describe.each(WHO)('undo %s', (_who, as, owner) => {
  it('undo --last puts every file back byte for byte and removes what apply created', async () => {
    const { m, plan, run } = setup(owner, as);
    expect((await run(['apply', plan, '--yes'])).code).toBe(0);
    expect(existsSync(join(m.root, SH))).toBe(true);
    const dry = await run(['undo', '--last', '--dry-run']);
    expect(dry.stdout).toMatch(/would undo\s+\/home\/alice\/\.docker\/config\.json/);
    expect(readFileSync(join(m.root, CFG), 'utf8')).toBe('{"proxies": {}}\n');
    const r = await run(['undo', '--last', '--yes']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/restored\s+\/home\/alice\/\.docker\/config\.json/);
    expect(r.stdout).toMatch(/removed\s+\/home\/alice\/\.config\/buildproxy\/proxy\.sh/);
    expect(readFileSync(join(m.root, CFG)).equals(ORIGINAL)).toBe(true);
    expect(statSync(join(m.root, CFG)).uid).toBe(owner);
    expect(existsSync(join(m.root, SH))).toBe(false);
  });

  it('undo PLAN refuses a file changed since it was applied, and then touches nothing', async () => {
    const { m, plan, run } = setup(owner, as);
    expect((await run(['apply', plan, '--yes'])).code).toBe(0);
    writeFileSync(join(m.root, CFG), '{"edited": true}\n');
    const r = await run(['undo', plan, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /refused\s+\/home\/alice\/\.docker\/config\.json: the file changed since it was applied/,
    );
    expect(readFileSync(join(m.root, CFG), 'utf8')).toBe('{"edited": true}\n');
    expect(readFileSync(join(m.root, SH), 'utf8')).toBe('export HTTP_PROXY=x\n');
  });

  it('an untrusted plan cannot make undo write elsewhere (/etc/passwd), even in --dry-run', async () => {
    const { m, run } = setup(owner, as);
    const bad = join(m.dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'buildproxy.plan/v1',
        changes: [
          {
            path: '/etc/passwd',
            mode: '0600',
            needsRoot: false,
            before: 'x',
            after: '',
            rules: [],
            target: 'docker-cli-config',
            why: '',
          },
        ],
        commands: [],
        snippets: [],
      }),
      { mode: 0o644 },
    );
    for (const extra of [['--dry-run'], ['--yes']]) {
      const r = await run(['undo', bad, ...extra]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/\/etc\/passwd: target docker-cli-config never writes this path/);
    }
    expect(existsSync(join(m.root, 'etc/passwd'))).toBe(false);
  });
});
