// `buildproxy mcp` driven by the MCP SDK's own Client over stdio, against the built CLI and a fake machine
// (files under --root, fake docker/systemctl on PATH, a fake Engine API on a unix socket).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, machineFrom, runCli } from './helpers.js';

const SECRET = 'Zq7-canary%40pw';
const PROXY = `http://alice:${SECRET}@proxy.corp.example:3128`;
const { variant, GOOD_DOCKER, DROP_IN } = fixtures;
// A machine whose dockerd has no proxy drop-in: the builder goes direct.
const m = machineFrom(synthesize(variant(GOOD_DOCKER, { removeFiles: [DROP_IN] })));
// FIFOs and other hostile files live outside the machine whose files must stay untouched.
const hostile = mkdtempSync(join(tmpdir(), 'buildproxy-mcp-hostile-'));
let client: Client;
let stderr = '';

/** Every file under the machine's folder with its hash and mode: what a read-only server must leave alone. */
function snapshot(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) snapshot(p, out);
    else if (e.isFile()) {
      const st = statSync(p);
      out.set(p, `${st.mode}:${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
    } else out.set(p, e.isSymbolicLink() ? 'link' : 'other');
  }
  return out;
}
let before = new Map<string, string>();

type Content = { type: string; text: string }[];
async function call(name: string, args: Record<string, unknown>) {
  const r = await client.callTool({ name, arguments: args });
  const text = (r.content as Content).map((c) => c.text).join('\n');
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain('canary');
  return { text, isError: r.isError === true };
}

beforeAll(async () => {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'mcp'],
    cwd: m.dir,
    // The shell's proxy carries the canary too: the client actor reports it, redacted.
    env: { PATH: m.bin, HOME: m.home, ...m.env, HTTPS_PROXY: PROXY },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (d) => {
    stderr += d;
  });
  client = new Client({ name: 'buildproxy-test', version: '0.0.0' });
  await client.connect(transport);
  before = snapshot(m.dir);
});
afterAll(async () => {
  await client?.close();
  rmSync(m.dir, { recursive: true, force: true });
  rmSync(hostile, { recursive: true, force: true });
});

describe('buildproxy mcp over stdio', () => {
  it('introduces itself and lists its five read-only tools with input schemas', async () => {
    expect(client.getServerVersion()).toMatchObject({ name: 'buildproxy' });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['doctor', 'explain', 'plan', 'route', 'why']);
    for (const t of tools) {
      expect(t.inputSchema.type).toBe('object');
      expect(t.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    }
    const why = tools.find((t) => t.name === 'why')!;
    expect(why.inputSchema.required).toEqual(['text']);
  });

  it('doctor: the same report v1 as `buildproxy doctor --json` on the same machine, secrets redacted', async () => {
    const r = await call('doctor', { root: m.root, proxy: PROXY, timeoutMs: 5000 });
    expect(r.isError).toBe(false);
    const report = JSON.parse(r.text);
    expect(report.format).toBe('buildproxy.report/v1');
    expect(report.findings.length).toBeGreaterThan(0);
    const cli = await runCli(['doctor', '--json', '--root', m.root, '--proxy', PROXY, '--timeout', '5000'], {
      m,
      env: { HTTPS_PROXY: PROXY },
    });
    expect(report).toEqual(JSON.parse(cli.stdout));
  });

  it('why: a real build error → actor, cause and rules', async () => {
    // moby/buildkit#5839 (catalogue section K, row 3)
    const r = await call('why', {
      text: 'failed to authorize: failed to fetch oauth token: Post "https://auth.docker.io/token": read: connection reset by peer',
    });
    const { matches, reading } = JSON.parse(r.text);
    expect(matches[0]).toMatchObject({ actor: 'client', rules: ['client-token-proxy'] });
    expect(reading).toMatchObject({ actor: 'client', recognised: true, proxyProblem: true });
    expect(matches[0].explanation.length).toBeGreaterThan(20);
    const none = JSON.parse((await call('why', { text: 'COPY failed: no such file' })).text);
    expect(none.matches).toEqual([]);
  });

  it('route: a URL → per-actor answer, with NO_PROXY applied the Go and curl way', async () => {
    const r = await call('route', {
      url: 'https://registry.corp.example:5000/v2/',
      root: m.root,
      proxy: PROXY,
      noProxy: '.corp.example',
    });
    const { actors } = JSON.parse(r.text);
    expect(Object.keys(actors).sort()).toEqual(['builder', 'client', 'run', 'runtime']);
    expect(actors.client.proxy).toBeNull();
    expect(actors.run.reason).toMatch(/curl/);
    const bad = await call('route', { url: 'ftp://x' });
    expect(bad.isError).toBe(true);
  });

  it('explain: a rule as markdown; an unknown id suggests the closest', async () => {
    const r = await call('explain', { rule: 'builder-proxy-missing' });
    expect(r.text).toMatch(/^# /m);
    const bad = await call('explain', { rule: 'builder-proxy-mising' });
    expect(bad).toMatchObject({ isError: true });
    expect(bad.text).toContain('builder-proxy-missing');
  });

  it('plan: the fix as data, passwords redacted, nothing applied', async () => {
    const r = await call('plan', { root: m.root, proxy: PROXY, targets: ['docker-systemd'] });
    expect(r.isError, r.text).toBe(false);
    const plan = JSON.parse(r.text);
    expect(plan.changes.map((c: { path: string }) => c.path).join()).toMatch(/http-proxy\.conf/);
    expect(r.text).toContain('alice:***@proxy.corp.example:3128');
    const bad = await call('plan', { root: m.root, proxy: 'http://proxy.corp.example:99999' });
    expect(bad.isError).toBe(true);
    expect(bad.text).toMatch(/port/i);
  });

  it('hostile input: a FIFO as the bundle, an oversized text, a wrong type, an unknown tool — answers, never hangs', async () => {
    const fifo = join(hostile, 'bundle.fifo');
    execFileSync('mkfifo', [fifo]);
    const viaMcp = await call('doctor', { from: fifo });
    expect(viaMcp).toMatchObject({ isError: true });
    expect(viaMcp.text).toMatch(/not a regular file/);
    // The same guard serves the CLI (it used to block in readFileSync on a FIFO).
    const viaCli = await runCli(['doctor', '--from', fifo], { timeoutMs: 10_000 });
    expect(viaCli.code).toBe(2);
    expect(viaCli.stderr).toMatch(/not a regular file/);
    // Schemas bound every input; the SDK answers a violation as a tool error or a protocol error.
    const refused = async (name: string, args: Record<string, unknown>) => {
      try {
        const r = await client.callTool({ name, arguments: args });
        return r.isError === true;
      } catch {
        return true;
      }
    };
    expect(await refused('why', { text: 'x'.repeat(1_000_001) })).toBe(true);
    expect(await refused('doctor', { timeoutMs: 'soon' })).toBe(true);
    expect(await refused('plan', { targets: ['rm -rf /'] })).toBe(true);
    expect(await refused('apply', {})).toBe(true);
    // and the server still answers after all of that
    expect((await call('explain', { rule: 'builder-proxy-missing' })).isError).toBe(false);
  });

  it('wrote nothing: every file of the machine is as it was, and nothing was added', () => {
    expect(snapshot(m.dir)).toEqual(before);
    expect(stderr).not.toContain(SECRET);
  });
});
