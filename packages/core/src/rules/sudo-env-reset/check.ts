import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

const PRESERVE = 'HTTP_PROXY,HTTPS_PROXY,NO_PROXY,http_proxy,https_proxy,no_proxy';
const FALLBACK = `sudo -E buildproxy doctor, or sudo --preserve-env=${PRESERVE} buildproxy doctor`;

export const sudoEnvReset: Rule = {
  id: 'sudo-env-reset',
  title: "sudo dropped the user's proxy variables",
  severity: 'warning',
  actor: 'client',
  summary:
    "Run through sudo, buildproxy diagnoses the user who typed the command. sudo's env_reset (the default) removes HTTP_PROXY, HTTPS_PROXY and NO_PROXY, so anything run with sudo (sudo docker build, sudo buildproxy apply) goes without them.",
  targets: [],
  references: [
    {
      title: 'sudoers(5): env_reset, env_keep',
      url: 'https://www.sudo.ws/docs/man/sudoers.man/#Command_environment',
    },
    { title: 'sudo(8): -E, --preserve-env', url: 'https://www.sudo.ws/docs/man/sudo.man/' },
  ],
  check(state) {
    const s = state.host.sudo;
    if (!s) return [];
    if (s.env === 'unknown')
      return [
        {
          severity: 'info',
          message: `buildproxy runs as root through sudo and analysed ${s.user}'s ~/.docker and builders, but ${s.user}'s shell environment could not be read, and sudo's env_reset drops the proxy variables: the client and RUN steps were checked with the environment sudo passed on. To analyse ${s.user}'s own variables run ${FALLBACK}`,
          msg: msg('sudo-env-reset.unknown', {
            user: s.user,
            fallback: [`sudo -E buildproxy doctor`, `sudo --preserve-env=${PRESERVE} buildproxy doctor`],
          }),
          evidence: ['environment'],
        },
      ];
    if (s.dropped.length === 0) return [];
    return [
      {
        message: `sudo's env_reset dropped ${s.dropped.join(', ')} from ${s.user}'s environment. buildproxy read them from the sudo process and analysed ${s.user}'s client with them, but whatever runs under sudo (sudo docker build, sudo buildproxy apply) goes without them. Keep them with sudo --preserve-env=${PRESERVE}, sudo -E, or Defaults env_keep += "${PRESERVE.replaceAll(',', ' ')}" in /etc/sudoers.d/`,
        msg: msg('sudo-env-reset.dropped', {
          names: s.dropped,
          user: s.user,
          preserve: PRESERVE,
          keep: `Defaults env_keep += "${PRESERVE.replaceAll(',', ' ')}"`,
        }),
        evidence: ['environment'],
      },
    ];
  },
};
