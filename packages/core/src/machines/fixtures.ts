// Machines used by rule examples, docs and tests. GOOD_* are correct setups on which no rule may fire.
import type { BuilderSpec, MachineSpec } from './synth.js';

export const PROXY = 'http://proxy.corp.example:3128';
export const NO_PROXY = 'localhost,127.0.0.1,.corp.example';
export const HOME = '/home/alice';
export const DROP_IN = '/etc/systemd/system/docker.service.d/http-proxy.conf';
export const USER_DROP_IN = `${HOME}/.config/systemd/user/docker.service.d/http-proxy.conf`;
export const CONFIG_JSON = `${HOME}/.docker/config.json`;

export function dropIn(proxy = PROXY, noProxy = NO_PROXY): string {
  return [
    '[Service]',
    `Environment="HTTP_PROXY=${proxy}"`,
    `Environment="HTTPS_PROXY=${proxy}"`,
    `Environment="NO_PROXY=${noProxy}"`,
    `Environment="http_proxy=${proxy}"`,
    `Environment="https_proxy=${proxy}"`,
    `Environment="no_proxy=${noProxy}"`,
    '',
  ].join('\n');
}

export function configJson(proxy = PROXY, noProxy = NO_PROXY): string {
  return `${JSON.stringify({ auths: {}, proxies: { default: { httpProxy: proxy, httpsProxy: proxy, noProxy } } }, null, 2)}\n`;
}

export function shellEnv(proxy = PROXY, noProxy = NO_PROXY): Record<string, string> {
  return { HTTP_PROXY: proxy, HTTPS_PROXY: proxy, NO_PROXY: noProxy };
}

export function containerBuilder(
  name: string,
  proxy: string | null = PROXY,
  noProxy = NO_PROXY,
  extra: Partial<BuilderSpec> = {},
): BuilderSpec {
  const driverOpts: Record<string, string> = proxy
    ? {
        'env.HTTP_PROXY': proxy,
        'env.HTTPS_PROXY': proxy,
        'env.NO_PROXY': noProxy,
        'env.http_proxy': proxy,
        'env.https_proxy': proxy,
        'env.no_proxy': noProxy,
      }
    : {};
  return { name, driver: 'docker-container', driverOpts, ...extra };
}

export const DOCKERFILE = 'FROM alpine:3.20\nRUN apk add --no-cache curl\n';

/** dockerd with a systemd drop-in, config.json proxies for RUN, the shell exporting the proxy. */
export const GOOD_DOCKER: MachineSpec = {
  home: HOME,
  env: shellEnv(),
  files: { [DROP_IN]: dropIn(), [CONFIG_JSON]: configJson() },
  docker: { engine: '26.1.5' },
  dockerfile: DOCKERFILE,
};

export const GOOD_DAEMON_JSON: MachineSpec = {
  ...GOOD_DOCKER,
  files: {
    '/etc/docker/daemon.json': `${JSON.stringify({ proxies: { 'http-proxy': PROXY, 'https-proxy': PROXY, 'no-proxy': NO_PROXY } }, null, 2)}\n`,
    [CONFIG_JSON]: configJson(),
  },
};

export const GOOD_CONTAINER: MachineSpec = {
  ...GOOD_DOCKER,
  env: { ...shellEnv(), BUILDX_BUILDER: 'proxied' },
  docker: { engine: '26.1.5', builders: [containerBuilder('proxied')], current: 'proxied' },
};

export const GOOD_ROOTLESS: MachineSpec = {
  home: HOME,
  env: { ...shellEnv(), DOCKER_HOST: 'unix:///run/user/1000/docker.sock' },
  files: { [USER_DROP_IN]: dropIn(), [CONFIG_JSON]: configJson() },
  docker: { engine: '26.1.5', rootless: true },
  dockerfile: DOCKERFILE,
};

export const GOOD_REMOTE: MachineSpec = {
  ...GOOD_DOCKER,
  docker: {
    engine: '26.1.5',
    builders: [{ name: 'remote', driver: 'remote', endpoint: 'tcp://buildkitd.corp.example:1234' }],
    current: 'remote',
  },
};

export const GOOD_MACHINES: Record<string, MachineSpec> = {
  'docker driver, systemd drop-in': GOOD_DOCKER,
  'docker driver, daemon.json proxies': GOOD_DAEMON_JSON,
  'docker-container builder': GOOD_CONTAINER,
  'rootless docker': GOOD_ROOTLESS,
  'remote builder': GOOD_REMOTE,
};

/** A machine patch: files merge (null deletes the file), other keys replace. */
export function variant(
  base: MachineSpec,
  patch: Partial<MachineSpec> & { removeFiles?: string[] },
): MachineSpec {
  const { removeFiles, ...rest } = patch;
  const files = { ...base.files, ...rest.files };
  for (const f of removeFiles ?? []) delete files[f];
  return { ...base, ...rest, files };
}

/** The machine the docs' snippet generator plans for: a fresh Engine 26 host with systemd and one buildx builder. */
export const REFERENCE_MACHINE: MachineSpec = {
  home: HOME,
  env: {},
  docker: { engine: '26.1.5', builders: [containerBuilder('ci', null)], current: 'ci' },
};
