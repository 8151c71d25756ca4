// podman-add-url-no-proxy: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { podmanLocal } from '../../machines/engines.js';
import { HOME, PROXY } from '../../machines/fixtures.js';
import type { MachineSpec } from '../../machines/synth.js';
import type { RuleExamples } from '../types.js';

const DOCKERFILE = `FROM alpine:3.20\nADD https://example.com/tool.tar.gz /opt/\nRUN tar -xzf /opt/tool.tar.gz -C /opt\n`;

const local = (version: string, env: Record<string, string>): MachineSpec => ({
  home: HOME,
  env,
  docker: false,
  commands: podmanLocal({ version }),
  dockerfile: DOCKERFILE,
});

export const examples: RuleExamples = {
  bad: { title: 'ADD https://… with only HTTP_PROXY set', machine: local('4.3.1', { HTTP_PROXY: PROXY }) },
  good: {
    title: 'ADD https://… with HTTPS_PROXY set',
    machine: local('4.3.1', { HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY }),
  },
};
