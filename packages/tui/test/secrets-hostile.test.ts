// Canaries made of what breaks redactors — quotes, a backtick, <>, %, @:/#?&$, a tab and spaces — a fully
// percent-encoded one, a base64 config.json auth, tokens and credential-shaped variables in the shell, in
// /etc/environment and in a Dockerfile: none may appear in any command's output, the wizard's print mode, a
// capture, or a file buildproxy writes outside the plan (which holds the proxy password by design, mode 0600).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { describe, expect, it } from 'vitest';
import { machineFrom, runCli } from './helpers.js';

// Every canary holds "Zq9" or "Canary"; neither may survive anywhere.
const PW = `Zq9'"\`<>%@:/#?&$\t x`;
const ENCODED = encodeURIComponent(PW); // "Zq9" stays visible in the encoded form
const FULLY_ENCODED = [...'Zq9secret'].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
const URL_RAW = `http://alice:${PW}@proxy.corp.example:3128`;
const URL_ENC = `http://alice:${ENCODED}@proxy.corp.example:3128`;
const URL_FULL = `http://alice:${FULLY_ENCODED}@proxy.corp.example:3128`;
const AUTH = Buffer.from('alice:CanaryAuth1').toString('base64');
const SHELL_SECRETS = {
  DOCKER_PASSWORD: 'CanaryDockerPw',
  DOCKER_AUTH_CONFIG: `{"auths":{"r":{"auth":"${Buffer.from('bob:CanaryAuthCfg').toString('base64')}"}}}`,
  NPM_TOKEN: 'CanaryNpm',
  GITHUB_TOKEN: 'ghp_Canary',
  AWS_SECRET_ACCESS_KEY: 'CanaryAws/Key',
  AWS_ACCESS_KEY_ID: 'AKIACanary',
  MY_SECRET: 'CanarySecret',
  SIGNING_KEY: 'CanaryKey',
  BUILDKIT_TOKEN: 'CanaryBk',
};

function leaks(text: string): string[] {
  const found = ['Zq9', 'Canary', AUTH].filter((c) => text.includes(c));
  // …nor hidden in base64 (config.json auths, buildx's encoded files)
  for (const m of text.matchAll(/[A-Za-z0-9+/]{12,}={0,2}/g)) {
    const d = Buffer.from(m[0], 'base64').toString('latin1');
    if (d.includes('Canary') || d.includes('Zq9')) found.push(`base64 ${m[0]}`);
  }
  return found;
}

describe('hostile canaries', () => {
  it('appear in no output, capture or written file', async () => {
    const { variant, GOOD_DOCKER, DROP_IN, CONFIG_JSON, dropIn } = fixtures;
    const machine = variant(GOOD_DOCKER, {
      env: { HTTPS_PROXY: URL_ENC, HTTP_PROXY: URL_FULL, ...SHELL_SECRETS },
      files: {
        [DROP_IN]: dropIn(URL_ENC.replace(/%/g, '%%')),
        [CONFIG_JSON]: JSON.stringify(
          {
            auths: {
              'registry.corp': { auth: AUTH, identitytoken: 'CanaryIdTok' },
              r2: { registrytoken: 'CanaryRegTok' },
            },
            proxies: { default: { httpsProxy: URL_RAW, httpProxy: URL_FULL } },
          },
          null,
          2,
        ),
        '/etc/environment': `PATH=/usr/bin\nAWS_SECRET_ACCESS_KEY=CanaryEtcAws\n# old proxy password: CanaryComment\nhttps_proxy=${URL_ENC}\n`,
        '/etc/default/docker': `export HTTP_PROXY="${URL_RAW.replace(/"/g, '\\"')}"\nexport DOCKER_OPTS="--registry-mirror https://m CanaryOpts"\n`,
        '/etc/docker/daemon.json': JSON.stringify({
          proxies: { 'https-proxy': URL_RAW, 'http-proxy': URL_FULL },
        }),
      },
      docker: {
        engine: '26.1.5',
        processEnv: {
          HTTPS_PROXY: URL_RAW,
          DOCKER_PASSWORD: 'CanaryDaemonPw',
          AWS_SECRET_ACCESS_KEY: 'CanaryProcAws',
        },
      },
      dockerfile: `FROM alpine\nARG NPM_TOKEN=CanaryArg\nARG HTTPS_PROXY\nENV GITHUB_TOKEN=CanaryEnvTok\nENV HTTP_PROXY=${URL_ENC}\n`,
    });
    const m = machineFrom(synthesize(machine));
    const env = { HTTPS_PROXY: URL_ENC, HTTP_PROXY: URL_FULL, ...SHELL_SECRETS };
    const capture = join(m.dir, 'capture.json');
    const planFile = join(m.dir, 'plan.json');
    const outputs = [
      await runCli(['doctor', '--root', m.root, '--capture', capture, '--no-color'], { m, env }),
      await runCli(['doctor', '--root', m.root, '--json'], { m, env }),
      await runCli(['doctor', '--root', m.root, '--proxy', URL_RAW], { m, env }), // bad input: the message
      await runCli(['plan', '--root', m.root, '--proxy', URL_ENC, '--no-color'], { m, env }),
      await runCli(['plan', '--root', m.root, '--proxy', URL_FULL, '--json'], { m, env }),
      await runCli(['route', 'https://registry-1.docker.io/v2/', '--root', m.root, '--json'], { m, env }),
      await runCli(['route', 'https://registry-1.docker.io/v2/', '--root', m.root, '--proxy', URL_ENC], {
        m,
        env,
      }),
      await runCli(['why', `proxyconnect tcp: dial tcp: lookup ${URL_RAW}: no such host`], { m, env }),
      await runCli(
        [
          'plan',
          '--root',
          m.root,
          '--proxy',
          URL_ENC,
          '--target',
          'docker-cli-config',
          '--target',
          'docker-systemd',
          '-o',
          planFile,
        ],
        { m, env },
      ),
    ];
    outputs.push(await runCli(['apply', planFile, '--root', m.root, '--dry-run', '--no-color'], { m, env }));
    outputs.push(await runCli(['apply', planFile, '--root', m.root, '--yes', '--no-color'], { m, env }));
    outputs.push(
      await runCli(['--root', m.root, '--proxy', URL_ENC, '--yes', '--act', 'print', '--no-color'], {
        m,
        env,
      }),
    );
    outputs.push(
      await runCli(['--root', m.root, '--proxy', URL_FULL, '--yes', '--act', 'print', '--no-color'], {
        m,
        env,
      }),
    );
    for (const [i, o] of outputs.entries()) expect(leaks(o.stdout + o.stderr), `output ${i}`).toEqual([]);
    const captured = readFileSync(capture, 'utf8');
    expect(leaks(captured)).toEqual([]);
    // Dropped, not masked: the names of variables outside the allow-list are gone from the capture's records.
    const bundle = JSON.parse(captured);
    expect(Object.keys(bundle.env).sort()).toEqual(['DOCKER_HOST', 'HTTPS_PROXY', 'HTTP_PROXY']);
    expect(bundle.processes.flatMap((p: { env: object | null }) => Object.keys(p.env ?? {}))).not.toContain(
      'DOCKER_PASSWORD',
    );
    expect(bundle.files['/etc/environment']).not.toContain('AWS_SECRET_ACCESS_KEY');
    expect(bundle.dockerfile.content).toContain('ARG NPM_TOKEN\n');
    // The replay of the capture is still safe, and the doctor still sees the proxy structure.
    const replay = await runCli(['doctor', '--from', capture, '--json'], { env: {} });
    expect(leaks(replay.stdout + replay.stderr)).toEqual([]);
  });
});
