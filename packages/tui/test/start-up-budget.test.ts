// The start-up budget of the built CLI, in what does not depend on the machine's load: the bytes each file makes
// V8 compile, the Node modules it loads, and the functions it runs while loading. A plain `doctor` loads
// dist/cli.cjs, dist/doctor.cjs and dist/report.cjs; everything else must stay out of them. Time itself is measured
// by `pnpm bench` (BENCHMARKS.md), never here.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, makeMachine, runCli } from './helpers.js';

const DIST = dirname(CLI);
const KB = 1024;
const size = (file: string) => statSync(join(DIST, file)).size;
const text = (file: string) => readFileSync(join(DIST, file), 'utf8');

// Each KB costs a plain doctor about 0.05 ms of compile on an idle 2-CPU machine (BENCHMARKS.md). Raise a budget
// only with the bench rows that show what it costs.
const BUDGET: Record<string, number> = {
  'cli.cjs': 12 * KB,
  // 125 → 90 KB, session 6: zod and the bundle/plan schemas moved to dist/validate.cjs (read back files only)
  'doctor.cjs': 90 * KB,
  // +5 KB for issue 16's three PAC rules (pac-proxy-not-used, pac-unusable, pac-static-proxy), their analysis and the
  // WSL runtime label: about 0.25 ms of compile at the rate above (estimated, not yet a bench row)
  // +8 KB, session 5: the podman-add-url-no-proxy rule (issue 17, ~3 KB), cntlm.conf's secret lines in the
  // redaction, the wizard's preselection reasons and the reader's rootless/daemon-json fixes: about 0.4 ms of
  // compile at the rate above; BENCHMARKS.md's start-up rows of that session are the measurement
  // 228 → 205 KB, session 6: the rules' examples and the example machines moved to rules/<id>/examples.ts
  // (RULE_EXAMPLES), which the analysis never loads
  // +4 KB, session 7 (issue 19): every finding carries its typed message id and values (`msg`) beside the English,
  // 197.7 → 207.2 KB (9.5 KB, the rest of the old headroom): about 0.5 ms of compile at the rate above (estimated,
  // not yet a bench row)
  'report.cjs': 209 * KB,
};

/** Calls of named functions while `require(file)` runs, counted exactly by V8's precise coverage. */
function callsWhileLoading(file: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'buildproxy-cov-'));
  try {
    execFileSync(process.execPath, ['-e', `require(${JSON.stringify(join(DIST, file))})`], {
      env: { PATH: '/nonexistent', NODE_V8_COVERAGE: dir },
    });
    let calls = 0;
    for (const f of readdirSync(dir)) {
      const { result } = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
        result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
      };
      for (const script of result.filter((s) => s.url.endsWith(`/${file}`)))
        for (const fn of script.functions) if (fn.functionName !== '') calls += fn.ranges[0]!.count;
    }
    return calls;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('what a plain doctor loads', () => {
  it.each(Object.entries(BUDGET))('%s stays within %i bytes', (file, budget) => {
    expect(size(file), `${file}: ${size(file)} bytes, budget ${budget}`).toBeLessThanOrEqual(budget);
  });

  it('a plain doctor loads only its three files, two from their code cache, and no Node module it does not use', () => {
    // On a machine with no docker: no daemon to ask over HTTP, no command to run, no file read back.
    const dir = mkdtempSync(join(tmpdir(), 'buildproxy-loads-'));
    try {
      const m = makeMachine();
      const record = join(dir, 'record.cjs');
      writeFileSync(
        record,
        `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'loaded.json'))}, JSON.stringify({ files: Object.keys(require.cache), cache: [...globalThis.__buildproxySibling.codeCache], builtins: process.moduleLoadList })));`,
      );
      execFileSync(process.execPath, ['--require', record, CLI, 'doctor', '--json', '--root', m.root], {
        env: { PATH: m.bin, HOME: '/nonexistent' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const { files, cache, builtins } = JSON.parse(readFileSync(join(dir, 'loaded.json'), 'utf8')) as {
        files: string[];
        cache: [string, string][];
        builtins: string[];
      };
      // cli.cjs by Node; the command and the analysis by the CLI's loader, each from V8's code cache made at
      // build time (src/code-cache.ts): not compiled again at every start (~20 ms of CPU, BENCHMARKS.md)
      expect(files.filter((f) => f.startsWith(DIST)).map((f) => f.slice(DIST.length + 1))).toEqual([
        'cli.cjs',
      ]);
      expect(cache).toEqual([
        ['doctor.cjs', 'accepted'],
        ['report.cjs', 'accepted'],
      ]);
      // Each is compiled on its first require (a few ms apiece): the HTTP client only when a daemon socket is
      // there, child_process only for a command to run, fs/promises (and readline with it) never; process.stdin
      // is touched only by the commands that read it.
      for (const mod of ['http', '_http_client', 'child_process', 'net', 'internal/fs/promises', 'readline'])
        expect(builtins, mod).not.toContain(`NativeModule ${mod}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(['doctor.cjs', 'report.cjs'])('%s holds no TLS, crypto or YAML library', (file) => {
    const src = text(file);
    // doctor --network's probes are dist/network.cjs; loading node:tls alone costs more than the analysis.
    for (const mod of ['tls', 'crypto', 'https'])
      expect(src).not.toMatch(new RegExp(`require\\("(node:)?${mod}"\\)`));
    // the rules' examples (rules/<id>/examples.ts) and the example machines are for tests, explain and the docs
    expect(src).not.toContain('Every actor points at a proxy port nothing listens on');
    // the yaml library is dist/yaml.cjs, loaded on the first parse (src/yaml-on-demand.ts)
    expect(src).not.toContain('YAMLParseError');
    // zod is dist/validate.cjs, loaded on the first bundle or plan file read (src/validate-on-demand.ts)
    expect(src).not.toContain('ZodError');
  });

  it('the files a command loads later are there, and hold what was taken out', () => {
    expect(text('yaml.cjs')).toContain('YAMLParseError');
    expect(text('validate.cjs')).toContain('ZodError');
    expect(text('network.cjs')).toMatch(/require\("(node:)?tls"\)/);
    // doctor --error's reader: its vocabulary of causes stays out of report.cjs
    const vocabulary = 'Docker Desktop could not evaluate the PAC file';
    expect(text('reading.cjs')).toContain(vocabulary);
    expect(text('report.cjs')).not.toContain(vocabulary);
  });

  it.each([
    // 13 500 calls when every cause's example was read at import to build the troubleshooting list; ~400 when
    // the rules built their example machines at import (8 since they live in rules/<id>/examples.ts)
    ['report.cjs', 100],
    ['doctor.cjs', 200],
  ])('loading %s runs at most %i function calls (nothing eager at import)', (file, max) => {
    const calls = callsWhileLoading(file);
    expect(calls, `${file} runs ${calls} calls while it loads`).toBeLessThanOrEqual(max);
  });
});

const COLIMA = join(import.meta.dirname, '../../core/test/fixtures/engines/colima-0.7.5-loopback.json');

describe('the files loaded on demand still work in the built CLI', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('doctor --command "docker compose build" reads the compose file (dist/yaml.cjs)', async () => {
    const m = makeMachine();
    const cwd = mkdtempSync(join(tmpdir(), 'buildproxy-compose-'));
    dirs.push(cwd);
    const composeDir = join(m.root, cwd);
    mkdirSync(composeDir, { recursive: true });
    writeFileSync(
      join(composeDir, 'compose.yaml'),
      'services:\n  app:\n    build:\n      context: .\n      args:\n        HTTP_PROXY: http://proxy.corp.example:3128\n',
    );
    const r = await runCli(['doctor', '--json', '--root', m.root, '--command', 'docker compose build'], {
      m,
      cwd,
    });
    expect(r.stderr).toBe('');
    const finding = JSON.parse(r.stdout).findings.find(
      (f: { rule: string }) => f.rule === 'https-proxy-missing',
    );
    expect(finding?.message).toContain('docker compose build build args');
    expect(finding?.message).toContain('HTTP_PROXY=http://proxy.corp.example:3128');
  });

  it("doctor --from reads Colima's colima.yaml with the yaml library (dist/yaml.cjs)", async () => {
    const ev = JSON.parse(readFileSync(COLIMA, 'utf8'));
    ev.files['/Users/alice/.colima/default/colima.yaml'] =
      'env:\n  HTTP_PROXY: http://a:1\n  HTTP_PROXY: http://b:2\n';
    const dir = mkdtempSync(join(tmpdir(), 'buildproxy-colima-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'bundle.json'), JSON.stringify(ev));
    const r = await runCli(['doctor', '--json', '--from', join(dir, 'bundle.json')]);
    expect(r.stderr).toBe('');
    const finding = JSON.parse(r.stdout).findings.find(
      (f: { rule: string }) => f.rule === 'config-file-invalid',
    );
    // the library's own words: nothing but the yaml library says this
    expect(finding?.message).toBe('/Users/alice/.colima/default/colima.yaml:1:1: Map keys must be unique');
  });

  it('plan --target colima-yaml edits colima.yaml with the yaml library (dist/yaml.cjs)', async () => {
    const r = await runCli([
      'plan',
      '--from',
      COLIMA,
      '--target',
      'colima-yaml',
      '--proxy',
      'http://proxy.corp.example:3128',
      '--no-color',
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('-env: {}');
    // written double-quoted, so that no YAML 1.1 reader takes a value for a number or a boolean
    expect(r.stdout).toContain('+  HTTPS_PROXY: "http://proxy.corp.example:3128"');
  });
});
