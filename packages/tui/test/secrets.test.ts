import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { describe, expect, it } from 'vitest';
import { CLI, machineFrom, runCli } from './helpers.js';

// A password that contains characters people really use, placed in every input the doctor reads.
const CANARY = 'Canary7Secret';
const RAW = `http://alice:${CANARY}@proxy.corp.example:3128`;
const ENCODED = `http://alice:${CANARY}%40x@proxy.corp.example:3128`;
const { shellEnv } = fixtures;

function canaryMachine() {
  const { variant, GOOD_CONTAINER, DROP_IN, CONFIG_JSON, dropIn, configJson, containerBuilder } = fixtures;
  const machine = variant(GOOD_CONTAINER, {
    env: { ...shellEnv(RAW), BUILDX_BUILDER: 'proxied' },
    files: {
      [DROP_IN]: dropIn(ENCODED.replace('%', '%%')),
      [CONFIG_JSON]: configJson(RAW),
      '/etc/default/docker': `export HTTP_PROXY=${RAW}\n`,
      '/etc/docker/daemon.json': `{"proxies": {"https-proxy": "${RAW}", }}`,
    },
    docker: {
      engine: '26.1.5',
      // buildx carries the builder's buildkitd.toml base64-encoded (ls --format json, its instance record)
      builders: [
        containerBuilder('proxied', RAW, undefined, {
          config: `[registry."docker.io"]\n  mirrors = ["${RAW.replace('http://', '')}"]\n`,
        }),
      ],
      current: 'proxied',
    },
    dockerfile: `FROM alpine\nENV HTTPS_PROXY=${RAW}\n`,
  });
  return machineFrom(synthesize(machine));
}

describe('secrets never leak', () => {
  it('a canary password in every input appears in no output, capture or error', async () => {
    const m = canaryMachine();
    const env = { ...shellEnv(RAW), BUILDX_BUILDER: 'proxied', ALL_PROXY: RAW };
    const capture = join(m.dir, 'capture.json');
    const outputs = [
      await runCli(['doctor', '--root', m.root, '--capture', capture, '--no-color'], { m, env }),
      await runCli(['doctor', '--root', m.root, '--json'], { m, env }),
      await runCli(['doctor', '--root', m.root, '--proxy', RAW, '--json'], { m, env }),
      await runCli(['route', 'https://registry-1.docker.io/v2/', '--root', m.root], { m, env }),
      await runCli(['route', 'https://registry-1.docker.io/v2/', '--root', m.root, '--json'], { m, env }),
      await runCli(['doctor', '--proxy', `http://alice:${CANARY}#x@p:1`], { m, env }),
      await runCli(['plan', '--root', m.root, '--proxy', RAW, '--no-color'], { m, env }),
      await runCli(['plan', '--root', m.root, '--proxy', RAW, '--json'], { m, env }),
      await runCli(
        [
          'plan',
          '--root',
          m.root,
          '--proxy',
          RAW,
          '--target',
          'build-command',
          '--target',
          'kubernetes',
          '--target',
          'ci-gitlab',
          '--target',
          'ci-github-actions',
          '--no-color',
        ],
        { m, env },
      ),
      await runCli(['why', `proxyconnect tcp: dial tcp: lookup ${RAW}: no such host`], { m, env }),
      await runCli(['route', RAW.replace('http://', 'http://x.'), '--root', m.root], { m, env }),
    ];
    // The applicable plan holds the secret by design (mode 0600); what apply and the --yes flow print must not.
    const planFile = join(m.dir, 'plan.json');
    await runCli(
      [
        'plan',
        '--root',
        m.root,
        '--proxy',
        RAW,
        '--target',
        'docker-cli-config',
        '--target',
        'docker-systemd',
        '-o',
        planFile,
      ],
      { m, env },
    );
    outputs.push(await runCli(['apply', planFile, '--root', m.root, '--dry-run', '--no-color'], { m, env }));
    outputs.push(await runCli(['apply', planFile, '--root', m.root, '--yes', '--no-color'], { m, env }));
    outputs.push(
      await runCli(['--root', m.root, '--proxy', RAW, '--yes', '--act', 'print', '--no-color'], { m, env }),
    );
    outputs.push(await runCli(['--root', m.root, '--proxy', RAW, '--yes', '--no-color'], { m, env }));
    const captured = readFileSync(capture, 'utf8');
    expect(captured).toContain('alice:');
    expect(captured).toContain('%40'); // escapes survive masking
    for (const o of outputs) {
      expect(o.stdout + o.stderr).not.toContain(CANARY);
      expect(o.stdout + o.stderr).not.toContain('Canary');
    }
    expect(captured).not.toContain(CANARY);
    expect(captured).not.toContain('Canary');
    // Nor hidden in an encoding: buildx hands over the builder's buildkitd.toml base64-encoded.
    const decoded = [...captured.matchAll(/[A-Za-z0-9+/]{16,}={0,2}/g)].map((m) =>
      Buffer.from(m[0], 'base64').toString('latin1'),
    );
    expect(decoded.some((d) => d.includes('mirrors'))).toBe(true); // the encoded config is in the capture
    expect(decoded.filter((d) => d.includes('Canary'))).toEqual([]);
    // And the replay of that capture is still safe.
    const replay = await runCli(['doctor', '--from', capture, '--json'], { env: {} });
    expect(replay.stdout).not.toContain('Canary');
  });

  it('nor through buildproxy mcp: every tool, on the same machine, with the canary in its arguments', async () => {
    const m = canaryMachine();
    const env = { ...shellEnv(RAW), BUILDX_BUILDER: 'proxied', ALL_PROXY: RAW };
    const client = new Client({ name: 'canary', version: '0' });
    let stderr = '';
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'mcp'],
      cwd: m.dir,
      env: { PATH: m.bin, HOME: m.home, ...m.env, ...env },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (d) => {
      stderr += d;
    });
    await client.connect(transport);
    try {
      const calls: [string, Record<string, unknown>][] = [
        ['doctor', { root: m.root }],
        ['doctor', { root: m.root, proxy: RAW, noProxy: `${RAW},.corp` }],
        ['doctor', { proxy: `http://alice:${CANARY}#x@p:1` }],
        ['route', { url: 'https://registry-1.docker.io/v2/', root: m.root }],
        ['route', { url: RAW.replace('http://', 'http://x.'), root: m.root, proxy: ENCODED }],
        ['plan', { root: m.root, proxy: RAW }],
        [
          'plan',
          {
            root: m.root,
            proxy: RAW,
            targets: ['build-command', 'kubernetes', 'ci-gitlab', 'docker-systemd'],
          },
        ],
        ['why', { text: `proxyconnect tcp: dial tcp: lookup ${RAW}: no such host` }],
        ['explain', { rule: `proxy-url-invalid ${RAW}` }],
      ];
      const texts: string[] = [];
      for (const [name, args] of calls) {
        const r = await client.callTool({ name, arguments: args });
        texts.push((r.content as { text: string }[]).map((c) => c.text).join('\n'));
      }
      expect(texts[5]).toContain('alice:***@'); // the plan names the proxy, its password hidden
      for (const t of texts) expect(t).not.toContain('Canary');
      expect(stderr).not.toContain('Canary');
    } finally {
      await client.close();
    }
  });
});
