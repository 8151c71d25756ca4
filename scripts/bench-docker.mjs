// Inside the e2e network namespace: start a real dockerd, then time `buildproxy doctor --json` against it and
// the equivalent commands a person would run, one after another. Prints one JSON line.
//   node bench-docker.mjs N debian    Debian's dockerd 20.10 and docker CLI, no buildx
//   node bench-docker.mjs N engine26  Engine 26.1 + buildx 0.13 (Debian trixie, test/e2e/stretch/prepare.sh) and CLI 28
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, timeOnce } from './bench-lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(root, 'packages/tui/dist/cli.cjs');
const N = Number(process.argv[2] ?? 9);
const setup = process.argv[3] ?? 'debian';
const X = join(process.env.E2E_CACHE ?? '/var/cache/buildproxy-e2e', 'trixie-root');
const engine26 = setup === 'engine26';
const dockerd = engine26 ? join(X, 'usr/sbin/dockerd') : '/usr/sbin/dockerd';
const dockerCli = engine26 ? '/usr/local/bin/docker' : '/usr/bin/docker';
if (!existsSync(dockerd) || !existsSync(dockerCli)) {
  console.log(JSON.stringify({ skipped: `${dockerd} or ${dockerCli} missing` }));
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'bp-bench-dockerd-'));
spawnSync('ip', ['link', 'add', 'bpbench0', 'type', 'bridge']);
spawnSync('ip', ['addr', 'replace', '172.31.249.1/24', 'dev', 'bpbench0']);
spawnSync('ip', ['link', 'set', 'bpbench0', 'up']);
const sock = join(dir, 'docker.sock');
const d = spawn(
  dockerd,
  [
    ...['--data-root', join(dir, 'data'), '--exec-root', join(dir, 'exec'), '--pidfile', join(dir, 'pid')],
    ...['--host', `unix://${sock}`, '--bridge', 'bpbench0'],
    ...['--iptables=false', '--ip6tables=false', '--ip-forward=false', '--ip-masq=false'],
  ],
  {
    env: {
      PATH: `${engine26 ? `${join(X, 'usr/bin')}:` : ''}/usr/sbin:/usr/bin:/sbin:/bin`,
      HTTPS_PROXY: 'http://proxy.corp:3128',
    },
    stdio: 'ignore',
  },
);
// The user's PATH: the CLI first, dockerd where the distribution puts it.
const bin = join(dir, 'bin');
mkdirSync(bin);
copyFileSync(dockerCli, join(bin, 'docker'));
spawnSync('chmod', ['755', join(bin, 'docker')]);
const env = {
  PATH: `${bin}:${engine26 ? `${join(X, 'usr/sbin')}:` : ''}/usr/bin:/bin:/usr/sbin:/sbin`,
  HOME: dir,
  DOCKER_HOST: `unix://${sock}`,
};
if (engine26) {
  mkdirSync(join(dir, '.docker/cli-plugins'), { recursive: true });
  copyFileSync(
    join(X, 'usr/libexec/docker/cli-plugins/docker-buildx'),
    join(dir, '.docker/cli-plugins/docker-buildx'),
  );
}
for (let i = 0; i < 200 && spawnSync('docker', ['version'], { env, stdio: 'ignore' }).status !== 0; i++)
  await new Promise((r) => setTimeout(r, 50));
// What a person runs to learn what the doctor learns (it runs them itself with --probes commands).
const probes = [
  ['docker', 'version', '--format', '{{json .}}'],
  ['docker', 'info', '--format', '{{json .}}'],
  ['docker', 'buildx', 'version'],
  ['docker', 'buildx', 'ls', '--format', 'json'],
  ['docker', 'buildx', 'inspect'],
  ['dockerd', '--version'],
  [
    'systemctl',
    'show',
    'docker',
    '--property=Environment,EnvironmentFiles,ExecStart,ActiveEnterTimestamp,FragmentPath,DropInPaths',
  ],
];
const sums = [];
const each = probes.map(() => []);
const doctor = [];
const commandsMode = [];
const node0 = [];
for (let i = 0; i < N; i++) {
  node0.push(timeOnce(process.execPath, ['-e', '0'], { env }).ms);
  doctor.push(timeOnce(process.execPath, [CLI, 'doctor', '--json'], { env }).ms);
  commandsMode.push(
    timeOnce(process.execPath, [CLI, 'doctor', '--json', '--probes', 'commands'], { env }).ms,
  );
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
// The daemon's folder goes too, unless something is still mounted under it (then it is left for a look).
if (
  !readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .some((l) => l.split(' ')[1]?.startsWith(`${dir}/`))
)
  rmSync(dir, { recursive: true, force: true });
const medians = each.map(median);
const slowestIdx = medians.indexOf(Math.max(...medians));
console.log(
  JSON.stringify({
    setup,
    node: median(node0),
    doctor: median(doctor),
    commands: median(commandsMode),
    sum: median(sums),
    slowest: medians[slowestIdx],
    slowestName: probes[slowestIdx].slice(0, 3).join(' '),
    each: Object.fromEntries(probes.map((p, j) => [p.slice(0, 3).join(' '), Math.round(medians[j])])),
  }),
);
