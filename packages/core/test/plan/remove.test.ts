// plan --remove on captured evidence: apply a real plan (simulated), let the user edit, then take buildproxy's
// part out again. What must stay: every key and line the user wrote. What is refused: files it cannot edit safely.
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/evidence/schema.js';
import { CONFIG_JSON, DROP_IN, GOOD_DOCKER, HOME, variant } from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';
import { checkPlan } from '../../src/node/apply/plan-guard.js';
import { makePlan } from '../../src/plan/index.js';
import { makeRemovalPlan, removalReads, withoutBlock } from '../../src/plan/remove.js';
import { withFiles } from '../../src/plan/simulate.js';
import { withBlock } from '../../src/plan/targets/client-shell.js';
import { parsePlan } from '../../src/plan/validate.js';
import type { Target } from '../../src/targets.js';

const DAEMON = '/etc/docker/daemon.json';
const PROXY_SH = `${HOME}/.config/buildproxy/proxy.sh`;
const ENV = '/etc/systemd/system/docker.service.d/http-proxy.env';
const bare = variant(GOOD_DOCKER, { removeFiles: [DROP_IN, CONFIG_JSON] });
const live = { homes: [HOME], dockerConfigs: [`${HOME}/.docker`], sudoUser: null };

/** The machine as it was before buildproxy: the user's own keys, an rc file of their own. */
function before(files: Record<string, string | null> = {}): Evidence {
  const ev = synthesize(bare);
  return {
    ...ev,
    files: {
      ...ev.files,
      [CONFIG_JSON]:
        '{\n\t"auths": {\n\t\t"registry.corp.example": {"auth": "dTpw"}\n\t},\n\t"credsStore": "pass"\n}\n',
      [DAEMON]: '{\n  "log-driver": "journald",\n  "features": {"buildkit": true}\n}\n',
      [`${HOME}/.profile`]: '# mine\nexport EDITOR=vi\n',
      [PROXY_SH]: null,
      ...files,
    },
  };
}

function applied(ev: Evidence, targets: Target[], proxy: string): Evidence {
  const { plan } = makePlan(ev, { httpProxy: proxy, httpsProxy: proxy }, { targets });
  return withFiles(ev, plan);
}

describe('plan --remove', () => {
  it('round trip: apply every writing target, the user adds keys, remove: only buildproxy’s part goes', () => {
    const start = before();
    const on = applied(
      start,
      ['docker-systemd', 'docker-cli-config', 'client-shell'],
      'http://u:p%40ss@proxy.corp.example:3128',
    );
    // buildproxy wrote these (with a password: the drop-in points to a 0600 env file)
    expect(on.files[ENV]).toContain('HTTPS_PROXY');
    expect(on.files[PROXY_SH]).toContain('export HTTPS_PROXY');
    expect(on.files[`${HOME}/.profile`]).toContain('# >>> buildproxy >>>');
    // daemon.json: docker-daemon-json as well, applied on top
    const both = applied(on, ['docker-daemon-json'], 'http://proxy.corp.example:3128');
    // The user edits after apply: a new key beside the proxies, a new line in .profile.
    const edited: Evidence = {
      ...both,
      files: {
        ...both.files,
        [CONFIG_JSON]: both.files[CONFIG_JSON]!.replace(
          '"credsStore"',
          '"detachKeys": "ctrl-x",\n\t"credsStore"',
        ),
        [`${HOME}/.profile`]: `${both.files[`${HOME}/.profile`]}alias ll='ls -l'\n`,
      },
    };
    const { plan, notes } = makeRemovalPlan(edited);
    expect(parsePlan(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
    // Every change is one apply accepts (declared path and mode for its target).
    expect(checkPlan(plan, live)).toEqual([]);
    const removed = plan.changes.filter((c) => c.remove).map((c) => c.path);
    expect(removed.sort()).toEqual([DROP_IN, ENV, PROXY_SH].sort());
    const after = withFiles(edited, plan).files;
    expect(after[DROP_IN]).toBeNull();
    expect(after[ENV]).toBeNull();
    expect(after[PROXY_SH]).toBeNull();
    const cfg = JSON.parse(after[CONFIG_JSON]!);
    expect(cfg).toEqual({
      auths: { 'registry.corp.example': { auth: 'dTpw' } },
      detachKeys: 'ctrl-x',
      credsStore: 'pass',
    });
    expect(after[DAEMON]).toBe(start.files[DAEMON]);
    expect(after[`${HOME}/.profile`]).toBe("# mine\nexport EDITOR=vi\nalias ll='ls -l'\n");
    expect(plan.commands.map((c) => c.argv.join(' '))).toEqual([
      'systemctl daemon-reload',
      'systemctl restart docker',
    ]);
    expect(notes).toEqual([]);
    // Removing again finds nothing.
    const again = makeRemovalPlan({ ...edited, files: after });
    expect(again.plan.changes).toEqual([]);
    expect(again.plan.commands).toEqual([]);
  });

  it('a proxies object the user keeps other keys in stays; one left empty goes', () => {
    const ev = before({
      [CONFIG_JSON]:
        '{"proxies": {"default": {"httpProxy": "http://p:1", "ftpProxy": "ftp://f"}, "tcp://h:2376": {"httpProxy": "x"}}}\n',
    });
    const { plan } = makeRemovalPlan(ev, { targets: ['docker-cli-config'] });
    expect(JSON.parse(plan.changes[0]!.after)).toEqual({
      proxies: { default: { ftpProxy: 'ftp://f' }, 'tcp://h:2376': { httpProxy: 'x' } },
    });
    const only = before({ [CONFIG_JSON]: '{"a": 1, "proxies": {"default": {"noProxy": "x"}}}\n' });
    expect(
      JSON.parse(makeRemovalPlan(only, { targets: ['docker-cli-config'] }).plan.changes[0]!.after),
    ).toEqual({
      a: 1,
    });
  });

  it.each([
    [
      'duplicate "proxies"',
      '{"proxies": {"default": {}},\n "proxies": {"default": {"httpProxy": "x"}}}\n',
      /:2:2: "proxies" is given 2 times/,
    ],
    [
      'duplicate "default"',
      '{"proxies": {"default": {"httpProxy": "a"}, "default": {"httpProxy": "b"}}}\n',
      /"proxies\.default" is given 2 times/,
    ],
    [
      'duplicate leaf',
      '{"proxies": {"default": {"httpProxy": "a", "httpProxy": "b"}}}\n',
      /"proxies\.default\.httpProxy" is given 2 times/,
    ],
    ['proxies a string', '{"proxies": "http://p:1"}\n', /"proxies" is a string; it must be an object/],
    ['proxies an array', '{"proxies": [1]}\n', /"proxies" is an array/],
    ['a top-level array', '[]\n', /top-level value is an array/],
    ['a top-level 42', '42\n', /top-level value is a number/],
    [
      'not JSON',
      '{"proxies": {"default": {"httpProxy": "a",}}\n',
      /:1:\d+: .*never rewrites a file it cannot parse/,
    ],
    ['nested 5000 deep', `{"x": ${'['.repeat(5000)}${']'.repeat(5000)}}`, /deeper than|nest/i],
  ])('config.json with %s: refused with line:column, never rewritten', (_what, text, message) => {
    const { plan } = makeRemovalPlan(before({ [CONFIG_JSON]: text }), { targets: ['docker-cli-config'] });
    expect(plan.changes).toEqual([]);
    expect(plan.refused).toHaveLength(1);
    expect(plan.refused![0]!.reason).toMatch(message);
    expect(plan.refused![0]!.reason).toContain(CONFIG_JSON);
  });

  it('daemon.json with duplicate keys is refused too', () => {
    const { plan } = makeRemovalPlan(
      before({ [DAEMON]: '{"proxies": {"http-proxy": "a"}, "proxies": {"http-proxy": "b"}}' }),
      { targets: ['docker-daemon-json'] },
    );
    expect(plan.changes).toEqual([]);
    expect(plan.refused![0]!.reason).toMatch(/daemon\.json:1:\d+: "proxies" is given 2 times/);
  });

  it('a file buildproxy did not write (no header) is left alone and said so', () => {
    const mine = '[Service]\nEnvironment=HTTPS_PROXY=http://mine:1\n';
    const { plan, notes } = makeRemovalPlan(before({ [DROP_IN]: mine, [PROXY_SH]: 'export X=1\n' }));
    expect(plan.changes.map((c) => c.path)).not.toContain(DROP_IN);
    expect(plan.changes.map((c) => c.path)).not.toContain(PROXY_SH);
    expect(notes.join('\n')).toContain(`${DROP_IN} was not written by buildproxy`);
    expect(notes.join('\n')).toContain(`${PROXY_SH} was not written by buildproxy`);
  });

  it('an unconfigured machine: nothing to take out', () => {
    const { plan } = makeRemovalPlan(before());
    expect(plan).toMatchObject({ changes: [], commands: [], refused: [] });
  });

  it('the rc block comes out exactly, whatever surrounds it', () => {
    for (const text of ['', 'a\n', 'a', 'a\n\n', '# x\r\nexport A=1\r\n']) {
      const withIt = withBlock(text, 'source it');
      expect(withoutBlock(withIt), JSON.stringify(text)).toBe(text === 'a' ? 'a\n' : text);
    }
    expect(withoutBlock('no block here\n')).toBeNull();
    // An end marker before the start (hand-edited): not a block.
    expect(withoutBlock('# <<< buildproxy <<<\n# >>> buildproxy >>>\n')).toBeNull();
  });

  it('names the files it must read beyond a capture (proxy.sh, rc files, our drop-ins)', () => {
    const reads = removalReads(synthesize(bare));
    expect(reads).toContain(PROXY_SH);
    expect(reads).toContain(`${HOME}/.bashrc`);
    expect(reads).toContain(ENV);
  });
});
