// The CI examples of reference/ci.md, and the ci-github-actions / ci-gitlab plan targets, checked as CI would read
// them: parsed as YAML and validated against the GitHub Actions workflow schema (SchemaStore) and GitLab's own
// .gitlab-ci.yml schema, both vendored in test/vendor with their source. Then each example's own doctor and report
// command lines are run (the built CLI as `buildproxy`, against a machine whose drop-in carries a proxy password):
// the doctor must fail the job, write the report and the capture, and leave the password out of both.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makePlan } from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const PAGE = readFileSync(join(here, '..', 'src', 'content', 'docs', 'reference', 'ci.md'), 'utf8');
const CLI = join(here, '..', '..', 'tui', 'dist', 'cli.cjs');

function schema(file: string): ValidateFunction {
  // strict: false: both schemas carry editor keywords (markdownDescription, deprecationMessage) Ajv does not know.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(here, 'vendor', file), 'utf8')));
}
const github = schema('github-workflow.schema.json');
const gitlab = schema('gitlab-ci.schema.json');

function errorsOf(v: ValidateFunction, doc: unknown): string[] {
  return v(doc) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** The page's ```yaml title="…" blocks, by title. */
function examples(): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of PAGE.matchAll(/^```yaml title="([^"]+)"\n([\s\S]*?)^```$/gm)) out.set(m[1]!, m[2]!);
  return out;
}
const EX = examples();
const GH = EX.get('.github/workflows/build-network.yml')!;
const GL = EX.get('.gitlab-ci.yml')!;

describe('the CI examples against the CI schemas', () => {
  it('finds both examples on the page', () => {
    expect([...EX.keys()].sort()).toEqual(['.github/workflows/build-network.yml', '.gitlab-ci.yml']);
  });

  it('the GitHub Actions workflow is valid', () => {
    expect(errorsOf(github, parse(GH))).toEqual([]);
  });

  it('the GitLab CI file is valid', () => {
    expect(errorsOf(gitlab, parse(GL))).toEqual([]);
  });

  it('the schemas do reject a broken example (the check can fail)', () => {
    expect(
      errorsOf(github, parse(GH.replace('runs-on: [self-hosted, build-farm-1]', 'runs_on: x'))),
    ).not.toEqual([]);
    expect(
      errorsOf(gitlab, parse(GL.replace('when: always\n    paths', 'when: sometimes\n    paths'))),
    ).not.toEqual([]);
  });

  it('fails the pipeline on errors and still uploads the capture', () => {
    const gh = parse(GH);
    const steps = gh.jobs.doctor.steps as Record<string, unknown>[];
    const check = steps.find((s) => String(s.run ?? '').includes('buildproxy doctor'))!;
    expect(check['continue-on-error']).toBeUndefined();
    const upload = steps.find((s) => String(s.uses ?? '').startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toBe('always()');
    expect(gh.jobs.report.if).toBe('always()');
    const gl = parse(GL);
    expect(gl['buildproxy-doctor'].allow_failure).toBeUndefined();
    expect(gl['buildproxy-doctor'].artifacts.when).toBe('always');
    expect(gl['buildproxy-report'].when).toBe('always');
  });

  it('the ci-github-actions and ci-gitlab targets print valid CI files', () => {
    const { plan } = makePlan(
      synthesize(fixtures.GOOD_DOCKER),
      { proxy: 'http://proxy.corp.example:3128', noProxy: 'localhost,.corp.example,"quoted",a#b' },
      { targets: ['ci-github-actions', 'ci-gitlab'] },
    );
    const gh = plan.snippets.find((s) => s.target === 'ci-github-actions')!;
    const gl = plan.snippets.find((s) => s.target === 'ci-gitlab')!;
    expect(errorsOf(github, parse(gh.text))).toEqual([]);
    expect(errorsOf(gitlab, parse(gl.text))).toEqual([]);
    // a `#` in NO_PROXY would start a YAML comment if the value were written bare
    expect(parse(gl.text).variables.NO_PROXY).toMatch(/,quoted,a#b,docker$/);
  });
});

describe("the examples' commands, run", () => {
  const PASSWORD = 'hunter2-%"\\';
  let work: string;
  let bin: string;
  let root: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'buildproxy-ci-'));
    bin = join(work, 'bin');
    root = join(work, 'root');
    mkdirSync(bin);
    // A machine whose daemon has a proxy with a password but whose builder has none: an error finding.
    const url = `http://bob:${encodeURIComponent(PASSWORD)}@proxy.corp.example:3128`;
    const spec = fixtures.variant(fixtures.GOOD_DOCKER, {
      files: { [fixtures.DROP_IN]: fixtures.dropIn(url) },
      removeFiles: [fixtures.CONFIG_JSON],
    });
    for (const [path, text] of Object.entries(synthesize(spec).files ?? {})) {
      if (typeof text !== 'string') continue;
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    // `buildproxy` on PATH: the built CLI, reading that machine's files under --root.
    const shim = join(bin, 'buildproxy');
    writeFileSync(
      shim,
      `#!/bin/sh\nif [ "$1" = doctor ]; then exec node ${JSON.stringify(CLI)} "$@" --root ${JSON.stringify(root)} --timeout 2000; fi\nexec node ${JSON.stringify(CLI)} "$@"\n`,
    );
    chmodSync(shim, 0o755);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function run(script: string, cwd: string, env: Record<string, string>) {
    return spawnSync('bash', ['-e', '-c', script], {
      cwd,
      env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
  }

  for (const [name, lines, env] of [
    ['GitHub Actions', () => parse(GH).jobs.doctor.steps[0].run as string, { RUNNER_NAME: 'build-farm-1' }],
    [
      'GitLab CI',
      () => (parse(GL)['buildproxy-doctor'].script as string[]).join('\n'),
      { RUNNER: 'build-farm-1' },
    ],
  ] as const) {
    it(`${name}: the doctor step fails, and writes a report and a capture without the password`, () => {
      const cwd = mkdtempSync(join(work, 'job-'));
      const r = run(lines(), cwd, env);
      expect(r.status, r.stderr).toBe(1);
      const report = readFileSync(join(cwd, 'buildproxy/doctor/build-farm-1.json'), 'utf8');
      const capture = readFileSync(join(cwd, 'buildproxy/capture/build-farm-1.json'), 'utf8');
      expect(JSON.parse(report).findings.some((f: { severity: string }) => f.severity === 'error')).toBe(
        true,
      );
      expect(JSON.parse(capture)).toBeTypeOf('object');
      for (const text of [report, capture, r.stdout, r.stderr]) {
        expect(text).not.toContain('hunter2');
        expect(text).not.toContain(encodeURIComponent(PASSWORD));
      }
      expect(capture).toContain('bob:');
      // the report job, run on that artifact: fails too, naming the runner
      const reportLine =
        name === 'GitHub Actions'
          ? (parse(GH).jobs.report.steps[1].run as string).replace('fleet/doctor', 'buildproxy/doctor')
          : (parse(GL)['buildproxy-report'].script as string[]).join('\n');
      const merged = run(reportLine, cwd, env);
      expect(merged.status, merged.stderr).toBe(1);
      expect(merged.stdout).toContain('build-farm-1');
      expect(existsSync(join(cwd, 'buildproxy/doctor'))).toBe(true);
    });
  }

  it('the capture replays elsewhere to the same findings, as the page says', () => {
    const cwd = mkdtempSync(join(work, 'replay-'));
    run(parse(GH).jobs.doctor.steps[0].run as string, cwd, { RUNNER_NAME: 'r' });
    const replay = spawnSync(
      'node',
      [CLI, 'doctor', '--from', join(cwd, 'buildproxy/capture/r.json'), '--json'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(replay.status, replay.stderr).toBe(1);
    const rules = (text: string) =>
      (JSON.parse(text).findings as { rule: string }[]).map((f) => f.rule).sort();
    expect(rules(replay.stdout)).toEqual(rules(readFileSync(join(cwd, 'buildproxy/doctor/r.json'), 'utf8')));
  });
});
