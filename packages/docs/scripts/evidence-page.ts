// The evidence bundle page in both languages: what the doctor reads and runs, listed from core's own canonical
// probes and fixed files, so neither language can drift from what a capture holds. Only the prose differs.
import {
  buildxInspectNamed,
  CMD,
  containerInspect,
  EVIDENCE_FORMAT,
  fixedFiles,
  systemctlShow,
} from '@buildproxy/core';
import { homePath } from '../src/scripts/home.js';
import type { Lang } from '../src/scripts/render-plan.js';

const home = '/home/alice';
const probes = [
  ...Object.values(CMD),
  systemctlShow('docker', false),
  systemctlShow('docker', true),
  systemctlShow('buildkit', false),
  systemctlShow('buildkit', true),
  buildxInspectNamed('NAME'),
  containerInspect('NODE'),
];
const commandList = probes.map((a) => `- \`${a.join(' ')}\``).join('\n');
const fileList = fixedFiles({ home, env: {} })
  .map((f) => `- \`${homePath(f, home)}\``)
  .join('\n');

export const EVIDENCE_META: Record<Lang, { title: string; description: string }> = {
  en: {
    title: 'The evidence bundle',
    description: `What buildproxy doctor reads and runs, and the ${EVIDENCE_FORMAT} file that --capture writes and --from replays.`,
  },
  'zh-CN': {
    title: '证据包',
    description: `buildproxy doctor 读取和运行什么，以及 --capture 写出、--from 重放的 ${EVIDENCE_FORMAT} 文件。`,
  },
};

export function evidencePage(lang: Lang): string {
  return lang === 'en' ? english() : chinese();
}

function english(): string {
  return `\`buildproxy doctor --capture FILE\` writes what the doctor saw as \`${EVIDENCE_FORMAT}\`; \`--from FILE\` replays it on any
machine and prints the identical report. Every letter and digit of a URL password is masked with \`*\` in a capture;
user names, punctuation and \`%XX\` escapes stay, so escaping rules still work on it.

| field | holds |
|---|---|
| \`format\` | \`${EVIDENCE_FORMAT}\` |
| \`capturedAt\` | when (UTC) |
| \`host\` | \`platform\`, \`home\`, \`uid\` |
| \`env\` | your shell's proxy variables, \`REQUEST_METHOD\` (Go's CGI rule) and \`DOCKER_*\`, \`BUILDX_*\`, \`BUILDKIT_*\`, \`DOCKERD_ROOTLESS_*\` — nothing else |
| \`files\` | absolute path → content; \`null\` means known to be absent |
| \`unreadable\` | files that exist but you may not read (optional) |
| \`commands\` | \`argv\`, \`exitCode\`, \`stdout\`, \`stderr\`, \`timedOut\`, \`error\` (\`not-found\`, \`timeout\`, \`spawn-failed\`), \`durationMs\`, and \`via\` (optional, below) |
| \`processes\` | \`dockerd\`, \`buildkitd\`, \`containerd\`, \`rootlesskit\`: \`pid\` and the same variables from \`/proc/PID/environ\` (\`null\` when unreadable) |
| \`dockerfile\` | \`path\` and \`content\` of the Dockerfile checked (optional) |
| \`net\` | Linux: \`listeners\` (\`addr\`, \`port\` of every TCP socket in LISTEN state, from \`/proc/net/tcp\` and \`tcp6\`; never connections) and \`ifaces\` (interface → this host's address in its subnet, from \`/proc/net/route\` and \`fib_trie\`), so a proxy on 127.0.0.1 can be given to RUN steps at an address they reach (optional) |

## Commands

Each is recorded under exactly this argv; a missing entry means it was not run.

${commandList}

By default (\`--probes auto\`) the doctor does not start the docker CLI for what a local daemon can say itself: it
asks the socket the CLI would use (\`DOCKER_HOST\` when it is \`unix://\`, otherwise the default socket unless a
context is selected) with \`GET /info\` and \`GET /containers/buildx_buildkit_NODE/json\`. The answer is recorded
under \`docker info --format {{json .}}\` or \`docker container inspect …\` — the same JSON — with
\`"via": "GET /info on unix:///var/run/docker.sock"\`; failures carry the CLI's own wording. buildx runs only when it keeps
builders of its own; otherwise its version comes from \`docker-buildx docker-cli-plugin-metadata\`. \`dockerd --version\`
runs only when the daemon did not report its version, \`systemctl\` only on a machine booted with systemd.
\`--probes commands\` runs every command instead, as you would by hand; both give the same report.

## Files

Read on every run (\`~\` is your \`HOME\`; \`DOCKER_CONFIG\` moves the \`.docker\` ones):

${fileList}

plus the systemd units and drop-in folders of \`docker\` and \`buildkit\` (system and user), every \`EnvironmentFile=\` they
name, and the Dockerfile. \`--root DIR\` reads every absolute path under DIR instead of \`/\`; a symlink out of DIR is not
followed. Files larger than 1 MiB are cut; FIFOs and devices are not read.
`;
}

function chinese(): string {
  return `\`buildproxy doctor --capture FILE\` 把 doctor 看到的内容写成 \`${EVIDENCE_FORMAT}\`；\`--from FILE\` 在任何机器上重放它，
打印出完全相同的报告。捕获中 URL 密码的每个字母和数字都被遮盖为 \`*\`；用户名、标点和 \`%XX\` 转义保持不变，
因此转义相关的规则仍然能在其上工作。

| 字段 | 内容 |
|---|---|
| \`format\` | \`${EVIDENCE_FORMAT}\` |
| \`capturedAt\` | 捕获时间（UTC） |
| \`host\` | \`platform\`、\`home\`、\`uid\` |
| \`env\` | 你 shell 中的代理变量、\`REQUEST_METHOD\`（Go 的 CGI 规则）以及 \`DOCKER_*\`、\`BUILDX_*\`、\`BUILDKIT_*\`、\`DOCKERD_ROOTLESS_*\`——仅此而已 |
| \`files\` | 绝对路径 → 内容；\`null\` 表示确认不存在 |
| \`unreadable\` | 存在但你无权读取的文件（可选） |
| \`commands\` | \`argv\`、\`exitCode\`、\`stdout\`、\`stderr\`、\`timedOut\`、\`error\`（\`not-found\`、\`timeout\`、\`spawn-failed\`）、\`durationMs\`，以及 \`via\`（可选，见下文） |
| \`processes\` | \`dockerd\`、\`buildkitd\`、\`containerd\`、\`rootlesskit\`：\`pid\` 以及来自 \`/proc/PID/environ\` 的同一组变量（无法读取时为 \`null\`） |
| \`dockerfile\` | 所检查 Dockerfile 的 \`path\` 和 \`content\`（可选） |
| \`net\` | Linux：\`listeners\`（处于 LISTEN 状态的每个 TCP 套接字的 \`addr\`、\`port\`，来自 \`/proc/net/tcp\` 和 \`tcp6\`；从不记录连接）以及 \`ifaces\`（网卡 → 本机在其子网中的地址，来自 \`/proc/net/route\` 和 \`fib_trie\`），以便把 127.0.0.1 上的代理以 RUN 步骤能访问的地址提供给它们（可选） |

## 命令

每条命令都精确地记录在下面这个 argv 之下；缺少某一项表示它没有运行。

${commandList}

默认情况下（\`--probes auto\`），对于本地守护进程自己就能回答的内容，doctor 不启动 docker CLI：它向 CLI 会使用的套接字
（\`DOCKER_HOST\` 为 \`unix://\` 时用它，否则在未选择 context 时用默认套接字）发送 \`GET /info\` 和
\`GET /containers/buildx_buildkit_NODE/json\`。应答记录在 \`docker info --format {{json .}}\` 或
\`docker container inspect …\` 之下——JSON 完全相同——并带有 \`"via": "GET /info on unix:///var/run/docker.sock"\`；失败时
使用 CLI 自己的措辞。只有当 buildx 有自己的构建器时才运行它；否则它的版本来自 \`docker-buildx docker-cli-plugin-metadata\`。
只有守护进程没有报告版本时才运行 \`dockerd --version\`，只有在以 systemd 启动的机器上才运行 \`systemctl\`。
\`--probes commands\` 则像你手工操作那样运行每一条命令；两者给出相同的报告。

## 文件

每次运行都读取（\`~\` 是你的 \`HOME\`；\`DOCKER_CONFIG\` 会改变 \`.docker\` 下各文件的位置）：

${fileList}

还有 \`docker\` 和 \`buildkit\` 的 systemd unit 及 drop-in 目录（系统级和用户级）、它们引用的每个 \`EnvironmentFile=\`，以及
Dockerfile。\`--root DIR\` 在 DIR 而不是 \`/\` 之下读取每个绝对路径；指向 DIR 之外的符号链接不会被跟随。大于 1 MiB 的文件会被
截断；FIFO 和设备不会被读取。
`;
}
