import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/analyze/profile.js';
import { analyze } from '../../src/analyze/state.js';
import { parseCsvLine } from '../../src/formats/encode.js';
import {
  environmentFromAssignments,
  parseEnvironmentFile,
  parseUnitFile,
} from '../../src/formats/systemd.js';
import {
  CONFIG_JSON,
  containerBuilder,
  DROP_IN,
  GOOD_CONTAINER,
  GOOD_DOCKER,
  GOOD_ROOTLESS,
  HOME,
  PROXY,
  USER_DROP_IN,
  variant,
} from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';
import { makePlan, PlanError } from '../../src/plan/index.js';
import { withCommands, withFiles } from '../../src/plan/simulate.js';
import type { Plan } from '../../src/plan/types.js';
import { goBypass } from '../../src/proxy/no-proxy-go.js';
import { diagnose } from '../../src/report.js';
import { examplesOf } from '../../src/rules/examples.js';
import { RULES } from '../../src/rules/index.js';
import { MEASURED_RULES } from '../../src/rules/network.js';

const file = (plan: Plan, path: string) => plan.changes.find((c) => c.path === path);
const bare = variant(GOOD_DOCKER, { removeFiles: [DROP_IN, CONFIG_JSON] });

describe('docker-systemd', () => {
  it('writes one quoted Environment= per variable, both cases, and restarts dockerd', () => {
    const { plan } = makePlan(synthesize(bare), {}, { targets: ['docker-systemd'] });
    const c = file(plan, DROP_IN)!;
    expect(c).toMatchObject({ before: null, mode: '0644', needsRoot: true });
    const vars = environmentFromAssignments(parseUnitFile(DROP_IN, c.after)).vars;
    expect([...vars.keys()].sort()).toEqual([
      'HTTPS_PROXY',
      'HTTP_PROXY',
      'NO_PROXY',
      'http_proxy',
      'https_proxy',
      'no_proxy',
    ]);
    expect(vars.get('HTTPS_PROXY')?.value).toBe(PROXY);
    expect(plan.commands.map((x) => x.argv.join(' '))).toEqual([
      'systemctl daemon-reload',
      'systemctl restart docker',
    ]);
    expect(plan.commands[1]).toMatchObject({ disruptive: true, needsRoot: true });
    expect(plan.commands[1]!.why).toMatch(/stops running containers/);
  });

  it('says a restart is not disruptive with live-restore', () => {
    const m = variant(bare, { files: { '/etc/docker/daemon.json': '{"live-restore": true}\n' } });
    const { plan } = makePlan(synthesize(m), {}, { targets: ['docker-systemd'] });
    expect(plan.commands[1]).toMatchObject({ disruptive: false });
  });

  it('puts credentials in a 0600 EnvironmentFile, % kept single there', () => {
    const url = 'http://alice:p%40ss@proxy.corp.example:3128';
    const { plan } = makePlan(synthesize(bare), { proxy: url }, { targets: ['docker-systemd'] });
    const env = file(plan, DROP_IN.replace('.conf', '.env'))!;
    expect(env.mode).toBe('0600');
    expect(parseEnvironmentFile('x', env.after).vars.get('HTTPS_PROXY')?.value).toBe(url);
    expect(file(plan, DROP_IN)!.after).not.toContain('alice');
    expect(file(plan, DROP_IN)!.after).toContain('EnvironmentFile=');
  });

  it('comments out proxy lines of other drop-ins and removes daemon.json proxies, keeping other keys', () => {
    const other = '/etc/systemd/system/docker.service.d/zz-proxy.conf';
    const m = variant(bare, {
      files: {
        [other]: '[Service]\nEnvironment="HTTPS_PROXY=http://old:1"\nLimitNOFILE=1048576\n',
        '/etc/docker/daemon.json':
          '{\n  "log-level": "warn",\n  "proxies": {"https-proxy": "http://old:1"},\n  "data-root": "/srv/docker"\n}\n',
      },
      docker: { engine: '20.10.24+dfsg1' },
    });
    const { plan } = makePlan(synthesize(m), {}, { targets: ['docker-systemd'] });
    expect(file(plan, other)!.after).toBe(
      '[Service]\n# disabled by buildproxy (now in /etc/systemd/system/docker.service.d/http-proxy.conf): Environment="HTTPS_PROXY=http://old:1"\nLimitNOFILE=1048576\n',
    );
    expect(file(plan, '/etc/docker/daemon.json')!.after).toBe(
      '{\n  "log-level": "warn",\n  "data-root": "/srv/docker"\n}\n',
    );
  });

  it('uses the user unit for rootless docker', () => {
    const m = variant(GOOD_ROOTLESS, { removeFiles: [USER_DROP_IN] });
    const { plan } = makePlan(synthesize(m), {});
    expect(plan.targets).toContain('docker-systemd-rootless');
    expect(file(plan, USER_DROP_IN)).toMatchObject({ needsRoot: false });
    expect(plan.commands.map((x) => x.argv.join(' '))).toContain('systemctl --user restart docker');
  });

  it('refuses Docker Desktop and machines without systemd, with the reason', () => {
    const desktop = {
      home: HOME,
      env: { HTTPS_PROXY: PROXY },
      docker: { engine: '27.4.0', desktop: true, systemd: false },
    } as const;
    const { plan } = makePlan(synthesize(desktop), {}, { targets: ['docker-systemd', 'docker-daemon-json'] });
    expect(plan.refused).toEqual([
      { target: 'docker-systemd', reason: expect.stringMatching(/Docker Desktop/) },
      { target: 'docker-daemon-json', reason: expect.stringMatching(/Docker Desktop ignores/) },
    ]);
    const nosd = makePlan(
      synthesize(variant(bare, { docker: { engine: '26.1.5', systemd: false } })),
      {},
      { targets: ['docker-systemd'] },
    );
    expect(nosd.plan.refused?.[0]?.reason).toMatch(/systemd is not running/);
  });
});

describe('docker-daemon-json', () => {
  it('edits surgically: indentation, order and other keys kept', () => {
    const text = '{\n    "log-level": "warn",\n    "registry-mirrors": ["https://mirror.corp.example"]\n}\n';
    const { plan } = makePlan(
      synthesize(variant(bare, { files: { '/etc/docker/daemon.json': text } })),
      {},
      { targets: ['docker-daemon-json'] },
    );
    const after = file(plan, '/etc/docker/daemon.json')!.after;
    expect(
      after.startsWith(
        '{\n    "log-level": "warn",\n    "registry-mirrors": ["https://mirror.corp.example"]',
      ),
    ).toBe(true);
    expect(JSON.parse(after).proxies).toEqual({
      'http-proxy': PROXY,
      'https-proxy': PROXY,
      'no-proxy': 'localhost,127.0.0.1,::1,.corp.example',
    });
  });

  it('refuses Engine 20.10 and a malformed file', () => {
    const old = makePlan(
      synthesize(variant(bare, { docker: { engine: '20.10.24+dfsg1' } })),
      {},
      { targets: ['docker-daemon-json'] },
    );
    expect(old.plan.refused?.[0]?.reason).toMatch(/needs 23\.0\+/);
    const bad = makePlan(
      synthesize(variant(bare, { files: { '/etc/docker/daemon.json': '{"a": 1,}' } })),
      {},
      { targets: ['docker-daemon-json'] },
    );
    expect(bad.plan.refused?.[0]?.reason).toMatch(
      /daemon\.json:1:9: .*never rewrites a file it cannot parse/,
    );
    expect(bad.plan.changes).toEqual([]);
  });
});

describe('docker-cli-config', () => {
  it('keeps auths, credsStore and key order; writes hosts without ports for curl', () => {
    const text =
      '{\n  "auths": {"registry.corp.example": {"auth": "eA=="}},\n  "credsStore": "pass",\n  "plugins": {}\n}\n';
    const { plan } = makePlan(
      synthesize(variant(bare, { files: { [CONFIG_JSON]: text } })),
      { registries: ['registry.corp.example:5000'] },
      { targets: ['docker-cli-config'] },
    );
    const j = JSON.parse(file(plan, CONFIG_JSON)!.after);
    expect(Object.keys(j)).toEqual(['auths', 'credsStore', 'plugins', 'proxies']);
    expect(j.auths).toEqual({ 'registry.corp.example': { auth: 'eA==' } });
    expect(j.proxies.default.noProxy).toBe('localhost,127.0.0.1,::1,.corp.example,registry.corp.example');
  });

  it('writes to the per-daemon entry when the CLI uses one', () => {
    const text = '{"proxies": {"tcp://build.corp.example:2376": {"noProxy": "x"}}}';
    const m = variant(bare, {
      env: { HTTPS_PROXY: PROXY, DOCKER_HOST: 'tcp://build.corp.example:2376' },
      files: { [CONFIG_JSON]: text },
    });
    const { plan } = makePlan(synthesize(m), {}, { targets: ['docker-cli-config'] });
    expect(Object.keys(JSON.parse(file(plan, CONFIG_JSON)!.after).proxies)).toEqual([
      'tcp://build.corp.example:2376',
    ]);
  });
});

describe('buildx-docker-container', () => {
  const m = variant(GOOD_DOCKER, {
    docker: {
      engine: '26.1.5',
      builders: [
        containerBuilder('ci', null, undefined, {
          driverOpts: { image: 'moby/buildkit:v0.17.3' },
          flags: ['--debug'],
          config: 'debug = true',
        }),
      ],
      current: 'ci',
    },
  });

  it('recreates the builder as it was, plus CSV-quoted env for both cases', () => {
    const { plan } = makePlan(
      synthesize(m),
      { noProxy: 'localhost,.corp.example' },
      { targets: ['buildx-docker-container'] },
    );
    const [rm, create] = plan.commands;
    expect(rm!.argv).toEqual(['docker', 'buildx', 'rm', '--keep-state', 'ci']);
    expect(rm!.why).toMatch(/cache/);
    const a = create!.argv;
    expect(a.slice(0, 9)).toEqual([
      'docker',
      'buildx',
      'create',
      '--name',
      'ci',
      '--driver',
      'docker-container',
      '--node',
      'ci0',
    ]);
    const opts = a.flatMap((x, i) => (a[i - 1] === '--driver-opt' ? (parseCsvLine(x) ?? []) : []));
    expect(opts).toContain('image=moby/buildkit:v0.17.3');
    expect(opts).toContain('env.no_proxy=localhost,127.0.0.1,::1,.corp.example');
    expect(opts).toContain('env.HTTPS_PROXY=http://proxy.corp.example:3128');
    expect(a).toContain('--use');
    expect(a[a.indexOf('--buildkitd-flags') + 1]).toBe('--debug');
    expect(file(plan, `${HOME}/.docker/buildx/buildkitd-ci.toml`)!.after).toBe('debug = true\n');
  });

  it("keeps the platforms chosen at creation, which only buildx's instance record knows", () => {
    const withPlatforms = variant(GOOD_DOCKER, {
      docker: {
        engine: '26.1.5',
        builders: [containerBuilder('ci', null, undefined, { platforms: ['linux/amd64', 'linux/arm64/v8'] })],
        current: 'ci',
      },
    });
    const argv = (spec: typeof m) =>
      makePlan(synthesize(spec), {}, { targets: ['buildx-docker-container'] }).plan.commands[1]!.argv;
    const a = argv(withPlatforms);
    expect(a[a.indexOf('--platform') + 1]).toBe('linux/amd64,linux/arm64/v8');
    expect(argv(m)).not.toContain('--platform'); // detected platforms are not pinned
  });

  it('offers host networking when the user says the proxy runs on this host', () => {
    const { plan } = makePlan(
      synthesize(m),
      { proxy: 'http://proxyhost.internal:3128', proxyOnHost: true },
      { targets: ['buildx-docker-container'] },
    );
    expect(plan.commands[1]!.argv).toContain('network=host');
  });

  it('offers host networking when the proxy is on loopback', () => {
    const { plan } = makePlan(
      synthesize(m),
      { proxy: 'http://127.0.0.1:3128' },
      { targets: ['buildx-docker-container'] },
    );
    expect(plan.commands[1]!.argv).toContain('network=host');
  });
});

describe('other targets', () => {
  it('buildkitd-toml adds the CA per registry and keeps existing tables', () => {
    const toml =
      '[worker.oci]\n  max-parallelism = 4\n\n[registry."registry.corp.example"]\n  mirrors = ["m.corp.example"]\n';
    const path = `${HOME}/.docker/buildx/buildkitd.default.toml`;
    const { plan } = makePlan(
      synthesize(variant(GOOD_CONTAINER, { files: { [path]: toml } })),
      { caCert: '/etc/ssl/corp.crt', registries: ['registry.corp.example'] },
      { targets: ['buildkitd-toml'] },
    );
    const after = file(plan, path)!.after;
    expect(after).toContain('max-parallelism = 4');
    expect(after).toMatch(/mirrors = \[ "m\.corp\.example" \]|mirrors = \["m\.corp\.example"\]/);
    expect(after).toMatch(/ca = \[ ?"\/etc\/ssl\/corp\.crt" ?\]/);
    expect(
      makePlan(synthesize(GOOD_CONTAINER), {}, { targets: ['buildkitd-toml'] }).plan.refused?.[0]?.reason,
    ).toMatch(/--ca-cert/);
  });

  it('buildkitd-toml writes docker.io mirrors, and they bypass the proxy', () => {
    const path = `${HOME}/.docker/buildx/buildkitd.default.toml`;
    const { plan } = makePlan(
      synthesize(GOOD_CONTAINER),
      { mirrors: ['mirror.corp.example:5000'] },
      { targets: ['buildkitd-toml', 'docker-cli-config'] },
    );
    expect(file(plan, path)!.after).toMatch(
      /\[registry\."docker\.io"\]\s*\n\s*mirrors = \[ ?"mirror\.corp\.example:5000" ?\]/,
    );
    expect(JSON.parse(file(plan, CONFIG_JSON)!.after).proxies.default.noProxy).toContain(
      'mirror.corp.example',
    );
  });

  it('kubernetes snippets include the cluster-internal suffixes', () => {
    const { plan } = makePlan(synthesize(GOOD_DOCKER), {}, { targets: ['kubernetes'] });
    expect(plan.snippets.map((s) => s.text).join('\n')).toContain('.svc,.cluster.local');
  });

  it('client-shell writes a proxy file and a managed block once', () => {
    const m = variant(bare, {
      env: { SHELL: '/bin/bash' },
      files: { [`${HOME}/.bashrc`]: 'alias ll="ls -l"\n' },
    });
    const { plan } = makePlan(synthesize(m), { proxy: PROXY }, { targets: ['client-shell'] });
    const rc = file(plan, `${HOME}/.bashrc`)!;
    expect(rc.after).toBe(
      `alias ll="ls -l"\n\n# >>> buildproxy >>>\n[ -f ${HOME}/.config/buildproxy/proxy.sh ] && . ${HOME}/.config/buildproxy/proxy.sh\n# <<< buildproxy <<<\n`,
    );
    const again = makePlan(
      synthesize(variant(m, { files: { [`${HOME}/.bashrc`]: rc.after } })),
      { proxy: PROXY },
      { targets: ['client-shell'] },
    );
    expect(file(again.plan, `${HOME}/.bashrc`)).toBeUndefined();
  });

  it('build-command, ci-github-actions and ci-gitlab produce snippets', () => {
    const { plan } = makePlan(
      synthesize(GOOD_DOCKER),
      {},
      { targets: ['build-command', 'ci-github-actions', 'ci-gitlab'] },
    );
    const all = plan.snippets.map((s) => s.text).join('\n');
    expect(all).toContain('--build-arg HTTPS_PROXY=');
    expect(all).toContain('--opt build-arg:HTTPS_PROXY=');
    expect(all).toContain('docker/setup-buildx-action');
    expect(all).toContain('"env.NO_PROXY=localhost,127.0.0.1,::1,.corp.example"');
    expect(all).toContain('docker:27-dind');
  });

  // Issue 19: the CLI in a GitLab job reaches dind as tcp://docker:2376; through the proxy it cannot.
  it('ci-gitlab keeps the dind host `docker` out of the proxy (checked with the Go matcher)', () => {
    const { plan } = makePlan(synthesize(GOOD_DOCKER), {}, { targets: ['ci-gitlab'] });
    const text = plan.snippets[0]!.text;
    const np = JSON.parse(/^ {2}NO_PROXY: (".*")$/m.exec(text)![1]!) as string;
    expect(goBypass(np, 'docker:2376').bypass).toBe(true);
    expect(goBypass(np, 'docker:2375').bypass).toBe(true);
    expect(goBypass(np, 'registry-1.docker.io:443').bypass).toBe(false);
  });

  it('CI snippets take the proxy URL from secrets, never write a password into YAML', () => {
    const { plan } = makePlan(
      synthesize(GOOD_DOCKER),
      { proxy: 'http://ci:S3cretPw@proxy.corp.example:3128' },
      { targets: ['ci-github-actions', 'ci-gitlab'] },
    );
    const [gh, gl] = plan.snippets.map((s) => s.text);
    for (const t of [gh!, gl!]) {
      expect(t).not.toContain('S3cretPw');
      expect(t).not.toContain('proxy.corp.example:3128');
      expect(t).toMatch(/password/);
    }
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
    expect(gh).toContain('HTTPS_PROXY: ${{ secrets.HTTPS_PROXY }}');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
    expect(gh).toContain('env.HTTPS_PROXY=${{ secrets.HTTPS_PROXY }}');
    expect(gh).toMatch(/^jobs:\n {2}build:\n {4}runs-on:/m);
    expect(gh).toContain('docker-systemd'); // the runner's own dockerd
    expect(gl).toMatch(/Masked/);
  });

  // Issue 19: the guide wrote a user unit and then put the CA in /etc/buildkit, which a rootless buildkitd never reads.
  it('standalone buildkitd: rootless gets a user unit and ~/.config/buildkit, rootful the system paths', () => {
    const profile = { proxy: PROXY, caCert: '/usr/local/share/ca-certificates/corp.crt' };
    const targets: ['buildkitd-systemd', 'buildkitd-toml'] = ['buildkitd-systemd', 'buildkitd-toml'];
    const rootlessMachine = variant(bare, {
      buildkitd: { env: {}, rootless: true },
      env: { ...bare.env, BUILDKIT_HOST: 'unix:///run/user/1000/buildkit/buildkitd.sock' },
    });
    const rootless = makePlan(synthesize(rootlessMachine), profile, {
      targets,
    }).plan;
    expect(rootless.changes.map((c) => [c.path, c.needsRoot])).toEqual([
      [`${HOME}/.config/systemd/user/buildkit.service.d/http-proxy.conf`, false],
      [`${HOME}/.config/buildkit/buildkitd.toml`, false],
    ]);
    const rootful = makePlan(synthesize(variant(bare, { uid: 0, buildkitd: { env: {} } })), profile, {
      targets,
    }).plan;
    expect(rootful.changes.map((c) => [c.path, c.needsRoot])).toEqual([
      ['/etc/systemd/system/buildkit.service.d/http-proxy.conf', true],
      ['/etc/buildkit/buildkitd.toml', true],
    ]);
  });

  it('kubernetes does not add the cluster suffixes to the other targets', () => {
    const { plan } = makePlan(
      synthesize(variant(GOOD_DOCKER, { removeFiles: [DROP_IN] })),
      { proxy: PROXY },
      { targets: ['kubernetes', 'docker-systemd', 'build-command'] },
    );
    expect(plan.snippets.find((s) => s.target === 'kubernetes')!.text).toContain('.svc,.cluster.local');
    expect(plan.changes.map((c) => c.after).join('\n')).not.toContain('.svc');
    expect(
      plan.snippets
        .filter((s) => s.target !== 'kubernetes')
        .map((s) => s.text)
        .join('\n'),
    ).not.toContain('.cluster.local');
  });
});

describe('NO_PROXY generation', () => {
  it('refuses a list that would send public registries direct', () => {
    expect(() => makePlan(synthesize(GOOD_DOCKER), { noProxy: '*' })).toThrow(PlanError);
    expect(() => makePlan(synthesize(GOOD_DOCKER), { noProxy: '.docker.io' })).toThrow(
      /registry-1\.docker\.io would bypass/,
    );
  });

  it('needs a proxy to plan for', () => {
    expect(() => makePlan(synthesize({ home: HOME, docker: { engine: '26.1.5' } }), {})).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/no proxy to configure/),
        hint: expect.stringMatching(/pass --proxy/),
      }),
    );
  });
});

describe('resolution is computed', () => {
  // Fixed outside the files a plan writes, so not simulated: Desktop's settings while it runs (steps in its
  // window; its file is rewritten from memory) and Windows' side of WSL (.wslconfig, the Windows proxy tool).
  const outsidePlan = ['config-file-invalid', 'desktop-loopback-proxy', 'wsl-nat-loopback-proxy'];
  const errorRules = RULES.filter(
    (r) => r.severity === 'error' && !outsidePlan.includes(r.id) && !MEASURED_RULES.has(r.id),
  );
  it.each(errorRules.map((r) => [r.id, r] as const))(
    'the default plan for the bad example of %s resolves it',
    (id, r) => {
      const ex = examplesOf(r).bad;
      const ev = synthesize(ex.machine);
      const input = { proxy: PROXY, ...ex.profile };
      const { plan } = makePlan(ev, input);
      const after = withCommands(withFiles(ev, plan), plan);
      const state = analyze(after);
      const remaining = diagnose(state, resolveProfile(input, state.layers, state.client)).filter(
        (f) => f.rule === id,
      );
      expect(remaining).toEqual([]);
      expect([...plan.resolves!.now, ...plan.resolves!.afterCommands]).toContain(id);
    },
  );

  it('planning again after applying gives an empty plan', () => {
    for (const m of [
      bare,
      variant(GOOD_DOCKER, {
        docker: { engine: '26.1.5', builders: [containerBuilder('ci', null)], current: 'ci' },
      }),
    ]) {
      const ev = synthesize(m);
      const { plan } = makePlan(ev, { proxy: PROXY });
      expect(plan.changes.length + plan.commands.length).toBeGreaterThan(0);
      const again = makePlan(withCommands(withFiles(ev, plan), plan), { proxy: PROXY });
      expect(again.plan.changes).toEqual([]);
      expect(again.plan.commands).toEqual([]);
    }
  });
});
