// The parsers issue 13 added, against arbitrary input: the user's build command (shell-quote), a compose file's
// build.args (yaml), a daemon's argv, /proc/net/unix and buildctl's addresses. None throws anything but its own
// clear error; every answer is well formed. The shell words are checked against the real /bin/sh.
// FUZZ_RUNS=10000 for a nightly-size run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { composeBuildArgs, MAX_COMPOSE } from '../../src/command/compose.js';
import { parseBuildCommand } from '../../src/command/parse.js';
import { CommandError, MAX_COMMAND, shellWords } from '../../src/command/tokenize.js';
import { buildkitdAddrs, dockerdHosts, filesToRead, flagValues, unixPath } from '../../src/daemons/argv.js';
import { buildctlAddress, helperInspectArgv, parseBuildkitAddress } from '../../src/daemons/buildkit-host.js';
import { canonicalSocketPath, parseUnixTable, socketInode } from '../../src/daemons/unix-sockets.js';
import { parsePodEnv } from '../../src/formats/docker-output.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const opts = { numRuns: RUNS };
const KINDS = [
  'unix',
  'tcp',
  'docker-container',
  'podman-container',
  'nerdctl-container',
  'kube-pod',
  'ssh',
  'other',
];

const piece = (alphabet: string[]) =>
  fc
    .array(fc.oneof(fc.constantFrom(...alphabet), fc.string({ maxLength: 6 })), { maxLength: 30 })
    .map((a) => a.join(''));

const commandText = piece([
  'buildctl build',
  'docker build',
  'docker buildx build',
  'docker compose build',
  'docker-compose -f x.yml build',
  'sudo -u root ',
  'env A=b ',
  ' --opt build-arg:HTTPS_PROXY=',
  ' --build-arg ',
  ' --addr ',
  ' --builder ',
  ' -f ',
  '"',
  "'",
  '\\',
  '\\\n',
  '$',
  '${',
  '}',
  '$HTTPS_PROXY',
  '%',
  ' && ',
  ' | ',
  ';',
  '#',
  '*',
  '\n',
  ' ',
  '\t',
  'é',
  '中',
]);

const unixRow = fc
  .tuple(
    fc.constantFrom('0000000000000000', 'ffff8a', 'zz'),
    fc.constantFrom('00000002', '0', ''),
    fc.constantFrom('00010000', '00000000', 'FFFFFFFF', 'x'),
    fc.constantFrom('0001', '0002', '0005'),
    fc.constantFrom('01', '03', ''),
    fc.oneof(fc.nat().map(String), fc.constantFrom('99999999999999999999', '-1', '')),
    fc.oneof(fc.constantFrom('/run/buildkit/buildkitd.sock', '@abstract', '', ' ', '/a b\\c'), fc.string()),
  )
  .map(([n, r, f, t, s, i, p]) => `${n}: ${r} 00000000 ${f} ${t} ${s} ${i} ${p}`);

describe(`fuzz (${RUNS} cases each): the build command, compose, argv and /proc/net/unix`, () => {
  it('build commands: a BuildCommand, or a CommandError with a message; never anything else', () => {
    fc.assert(
      fc.property(
        commandText,
        fc.dictionary(fc.constantFrom('HTTPS_PROXY', 'A', 'X'), fc.string()),
        (text, env) => {
          try {
            const c = parseBuildCommand(text, env);
            expect(['buildctl', 'docker-build', 'buildx-build', 'compose-build']).toContain(c.tool);
            for (const a of c.buildArgs) expect(typeof a.name).toBe('string');
            expect(c.argv.length).toBeGreaterThan(0);
          } catch (e) {
            expect(e).toBeInstanceOf(CommandError);
            expect((e as Error).message.length).toBeGreaterThan(10);
          }
        },
      ),
      opts,
    );
    expect(() => parseBuildCommand(`buildctl build ${'x'.repeat(MAX_COMMAND)}`, {})).toThrow(CommandError);
  });

  it('compose build.args: a list, or an Error with a message (duplicate keys, aliases, nesting, size)', () => {
    const yamlish = piece([
      'services:\n',
      '  app:\n',
      '    build:\n',
      '      args:\n',
      '        - A=b\n',
      '        HTTPS_PROXY: ${HTTPS_PROXY:-x}\n',
      '[',
      '{',
      ']',
      '}',
      '&a ',
      '*a',
      '"',
      "'",
      ': ',
      '- ',
      '\n',
      '  ',
      '\t',
      '$$',
      '#',
    ]);
    fc.assert(
      fc.property(yamlish, (text) => {
        try {
          for (const s of composeBuildArgs(text, { HTTPS_PROXY: 'http://p:3128' })) {
            expect(typeof s.service).toBe('string');
            for (const a of s.args) expect(a.value === null || typeof a.value === 'string').toBe(true);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
          expect((e as Error).message.length).toBeGreaterThan(5);
        }
      }),
      opts,
    );
    expect(() => composeBuildArgs(`#${'x'.repeat(MAX_COMPOSE)}`, {})).toThrow(/larger than/);
  });

  it('daemon argv: values are taken from the argv, never invented; no throw', () => {
    const word = fc.oneof(
      fc.constantFrom(
        '-H',
        '--host',
        '-H=unix:///x',
        '-Hfd://',
        '--addr',
        '-addr=tcp://h:1',
        '--',
        '--config',
        '-p',
        '=',
      ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 20 }), (argv) => {
        for (const vals of [
          dockerdHosts(argv),
          buildkitdAddrs(argv),
          flagValues(argv, 'config'),
          flagValues(argv, 'pidfile', 'p'),
        ]) {
          expect(vals.length).toBeLessThanOrEqual(argv.length);
          for (const v of vals) expect(argv.some((a) => a.endsWith(v))).toBe(true);
        }
        const files = filesToRead(
          [
            { name: 'dockerd', argv },
            { name: 'buildkitd', argv },
          ],
          {
            dockerdPidfile: '/var/run/docker.pid',
            buildkitdConfig: '/etc/buildkit/buildkitd.toml',
          },
        );
        expect(files.length).toBeLessThanOrEqual(2);
        for (const a of argv) {
          const p = unixPath(a);
          if (p !== null) expect(p.startsWith('/')).toBe(true);
        }
      }),
      opts,
    );
  });

  it('/proc/net/unix: only listening, named sockets; inodes are integers; paths are one line', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(unixRow, fc.string()), { maxLength: 30 }), (rows) => {
        const text = `Num       RefCount Protocol Flags    Type St Inode Path\n${rows.join('\n')}`;
        const table = parseUnixTable(text);
        expect(table.size).toBeLessThanOrEqual(rows.length);
        for (const [inode, path] of table) {
          expect(Number.isInteger(inode) && inode >= 0).toBe(true);
          expect(path).not.toContain('\n');
          expect(path.length).toBeGreaterThan(0);
          expect(canonicalSocketPath(path).startsWith('/var/run/')).toBe(false);
        }
      }),
      opts,
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.nat().map((n) => `socket:[${n}]`),
        ),
        (link) => {
          const n = socketInode(link);
          if (n !== null) expect(Number.isSafeInteger(n)).toBe(true);
        },
      ),
      opts,
    );
  });

  it('buildctl addresses: any BUILDKIT_HOST or --addr has a kind; a unix path is absolute', () => {
    const addr = fc.oneof(
      fc.string(),
      fc
        .tuple(
          fc.constantFrom(...KINDS, 'UNIX', 'fd', ''),
          fc.constantFrom('://', ':/', ''),
          fc.string({ maxLength: 20 }),
        )
        .map((p) => p.join('')),
    );
    fc.assert(
      fc.property(addr, fc.option(addr), (host, flag) => {
        const { address, source } = buildctlAddress({ BUILDKIT_HOST: host }, flag);
        expect(KINDS).toContain(address.kind);
        expect(['--addr', 'BUILDKIT_HOST', 'default']).toContain(source);
        if (address.path !== null) expect(address.path.startsWith('/')).toBe(true);
        expect(KINDS).toContain(parseBuildkitAddress(host).kind);
        // The probe it leads to: a fixed tool and subcommand, the target as one argument, never a flag.
        const probe = helperInspectArgv(address);
        if (probe) {
          expect(['docker', 'podman', 'nerdctl', 'kubectl']).toContain(probe[0]);
          expect(probe).toContain(address.target);
          expect(
            probe
              .slice(1)
              .filter((w) => w.startsWith('-') && !w.startsWith('--namespace') && w !== '--output'),
          ).toEqual([]);
        }
        expect(parsePodEnv(host)).toSatisfy((e: unknown) => e === null || typeof e === 'object');
      }),
      opts,
    );
  });
});

// Differential: the words of a command line, as /bin/sh (dash) splits and unquotes them, against shellWords. Each
// word is quoted one of three ways; the shell is the oracle, not the quoting. Globs run in an empty folder.
describe('shell words agree with the real /bin/sh', () => {
  const empty = mkdtempSync(join(tmpdir(), 'bp-sh-'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));
  const chars = fc.constantFrom(...'aZ09 \t\n"\'\\$`%*?#;&|(){}[]<>=~!,.:/@-_é中'.split(''));
  const value = fc.array(chars, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
  const quoted = fc.tuple(value, fc.constantFrom('single', 'double', 'backslash')).map(([v, how]) => {
    if (how === 'single') return `'${v.replaceAll("'", "'\\''")}'`;
    if (how === 'double') return `"${v.replace(/["\\$`]/g, '\\$&')}"`;
    return v.replace(/[^A-Za-z0-9]/g, (c) => (c === '\n' ? "'\n'" : `\\${c}`));
  });
  it('quoted words', () => {
    fc.assert(
      fc.property(fc.array(quoted, { minLength: 1, maxLength: 5 }), (words) => {
        const line = words.join(' ');
        const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${line}`], {
          cwd: empty,
          encoding: 'utf8',
        });
        const sh = out.split('\0').slice(0, -1);
        expect(shellWords(line, {})[0] ?? []).toEqual(sh);
      }),
      { numRuns: Math.min(RUNS, 200) },
    );
  });
});
