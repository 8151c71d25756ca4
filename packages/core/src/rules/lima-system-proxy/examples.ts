// lima-system-proxy: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { limaMachine } from '../../machines/lima.js';
import type { RuleExamples } from '../types.js';

const scutil = (stdout: string) => ({
  argv: ['scutil', '--proxy'],
  exitCode: 0,
  stdout,
  stderr: '',
  timedOut: false,
  durationMs: 5,
});

const SCUTIL = (host: string, port: number) =>
  `<dictionary> {\n  HTTPEnable : 1\n  HTTPPort : ${port}\n  HTTPProxy : ${host}\n  HTTPSEnable : 1\n  HTTPSPort : ${port}\n  HTTPSProxy : ${host}\n}\n`;

const STALE = 'http://192.168.8.231:8100';

export const examples: RuleExamples = {
  bad: {
    title: 'a proxy left in the network settings reaches the VM (abiosoft/colima#610)',
    machine: {
      ...limaMachine({ override: null, vmProxy: STALE }),
      commands: [
        ...limaMachine({ override: null, vmProxy: STALE }).commands!,
        scutil(SCUTIL('192.168.8.231', 8100)),
      ],
    },
  },
  good: {
    title: 'no system proxy, none in the VM',
    machine: limaMachine({ override: null, vmProxy: null }),
  },
};
