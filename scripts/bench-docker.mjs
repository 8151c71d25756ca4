// Inside the e2e network namespace: start Debian's dockerd, then time `buildproxy doctor --json` against it and
// the same probes run one after another. Prints one JSON line.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, timeOnce } from './bench-lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(root, 'packages/tui/dist/cli.js');
const N = Number(process.argv[2] ?? 9);
const dir = mkdtempSync(join(tmpdir(), 'bp-bench-dockerd-'));
spawnSync('ip', ['link', 'add', 'bpbench0', 'type', 'bridge']);
spawnSync('ip', ['addr', 'replace', '172.31.249.1/24', 'dev', 'bpbench0']);
spawnSync('ip', ['link', 'set', 'bpbench0', 'up']);
const sock = join(dir, 'docker.sock');
const d = spawn(
  '/usr/sbin/dockerd',
  [
    '--data-root',
    join(dir, 'data'),
    '--exec-root',
    join(dir, 'exec'),
    '--pidfile',
    join(dir, 'pid'),
    '--host',
    `unix://${sock}`,
    '--bridge',
    'bpbench0',
    '--iptables=false',
    '--ip6tables=false',
    '--ip-forward=false',
    '--ip-masq=false',
  ],
  {
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HTTPS_PROXY: 'http://proxy.corp:3128' },
    stdio: 'ignore',
  },
);
const env = { PATH: '/usr/bin:/bin:/usr/sbin:/sbin', HOME: dir, DOCKER_HOST: `unix://${sock}` };
for (let i = 0; i < 200 && spawnSync('docker', ['version'], { env, stdio: 'ignore' }).status !== 0; i++)
  await new Promise((r) => setTimeout(r, 50));
mkdirSync(join(dir, 'proc'), { recursive: true });
const probes = [
  ['docker', 'version', '--format', '{{json .}}'],
  ['docker', 'info', '--format', '{{json .}}'],
  ['docker', 'buildx', 'version'],
  ['docker', 'buildx', 'ls', '--format', 'json'],
  ['docker', 'buildx', 'inspect'],
  [
    'systemctl',
    'show',
    'docker',
    '--property=Environment,EnvironmentFiles,ExecStart,ActiveEnterTimestamp,FragmentPath,DropInPaths',
  ],
  ['dockerd', '--version'],
];
const sums = [];
const each = probes.map(() => []);
const doctor = [];
for (let i = 0; i < N; i++) {
  doctor.push(timeOnce(process.execPath, [CLI, 'doctor', '--json'], { env }).ms);
  let sum = 0;
  probes.forEach((p, j) => {
    const t = timeOnce(p[0], p.slice(1), { env }).ms;
    each[j].push(t);
    sum += t;
  });
  sums.push(sum);
}
d.kill('SIGTERM');
await new Promise((r) => d.on('close', r));
spawnSync('ip', ['link', 'del', 'bpbench0']);
for (const m of spawnSync('awk', ['-v', `p=${dir}/`, 'index($2, p) == 1 {print $2}', '/proc/mounts'], {
  encoding: 'utf8',
})
  .stdout.split('\n')
  .filter(Boolean))
  spawnSync('umount', [m]);
const medians = each.map(median);
const slowestIdx = medians.indexOf(Math.max(...medians));
console.log(
  JSON.stringify({
    doctor: median(doctor),
    sum: median(sums),
    slowest: medians[slowestIdx],
    slowestName: probes[slowestIdx].slice(0, 3).join(' '),
  }),
);
