// podman-machine-proxy-stale: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { podmanMachine } from '../../machines/engines.js';
import type { MachineSpec } from '../../machines/synth.js';
import type { RuleExamples } from '../types.js';

const CORP = 'http://proxy.corp.example:3128';

const machine = (vmProxy: string | null): MachineSpec => ({
  home: '/Users/alice',
  platform: 'darwin',
  env: { HTTP_PROXY: CORP, HTTPS_PROXY: CORP },
  docker: false,
  commands: podmanMachine({
    client: '5.4.0',
    vmEnv: vmProxy ? { HTTP_PROXY: vmProxy, HTTPS_PROXY: vmProxy } : null,
    inspect: { provider: 'applehv', lastUp: '2026-11-27T08:12:40.391294+01:00' },
  }),
});

export const examples: RuleExamples = {
  bad: {
    title: 'the machine was started before the proxy was set (containers/podman#22898)',
    machine: machine(null),
  },
  good: { title: 'the machine was started from this shell', machine: machine(CORP) },
};
