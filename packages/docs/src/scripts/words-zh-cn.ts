// The zh-CN words of the two in-browser tools beyond what the rule pages already translate: core's names for where a
// proxy came from and for each actor's process, the typed proxy-URL problems, and the two warnings the snippet
// generator adds itself. Loaded only on zh-CN pages, with RULE_TEXTS_ZH_CN (by rule id), core's zh-CN finding messages
// (by typed message id) and plan sentences (by typed sentence id). A label no entry knows stays English on the page,
// where the Chromium test that feeds every rule's example machines to the zh-CN analyzer finds it.
import { type Actor, type MarkKind, PROXY_PROBLEM_ZH_CN } from '@buildproxy/core';

export const ACTOR_ZH_CN: Record<Actor, string> = {
  client: '客户端',
  runtime: '运行时',
  builder: '构建器',
  run: 'RUN 步骤',
};

/** What a screen reader says for a mark (✓ ✗ ! i ?). */
export const MARK_ZH_CN: Record<MarkKind, string> = {
  ok: '正常',
  error: '错误',
  warning: '警告',
  info: '提示',
  unknown: '未知',
};

/** Typed by core's problem codes, so a new kind of bad proxy URL cannot reach the page untranslated (core's table,
 * which its zh-CN finding messages use too). */
export { PROXY_PROBLEM_ZH_CN };

/** Fixed names core gives actors and the places a proxy came from. */
const EXACT: Record<string, string> = {
  'docker CLI + buildx in your shell': '你 shell 中的 docker CLI 和 buildx',
  'dockerd (rootless)': 'dockerd（rootless）',
  'dockerd (Docker Desktop)': 'dockerd（Docker Desktop）',
  "dockerd (Docker Desktop's VM, not this WSL distro)":
    'dockerd（在 Docker Desktop 的虚拟机中，不在当前 WSL 发行版中）',
  'dockerd (in this WSL distro)': 'dockerd（在当前 WSL 发行版中）',
  'no builder found': '未找到构建器',
  'RUN steps (build args, from ~/.docker/config.json proxies)':
    'RUN 步骤（构建参数，来自 ~/.docker/config.json 的 proxies）',
  'RUN steps (only the --opt build-arg: values of your buildctl command)':
    'RUN 步骤（只有你的 buildctl 命令中 --opt build-arg: 的值）',
  'your shell': '你的 shell',
  shell: 'shell',
  'your shell environment': '你 shell 的环境变量',
  'command-line flags': '命令行参数',
  'dockerd command-line flags': 'dockerd 的命令行参数',
  'the docker systemd unit': 'docker 的 systemd unit',
  'the rootless docker systemd unit': 'rootless docker 的 systemd unit',
  'the docker systemd unit (drop-ins)': 'docker 的 systemd unit（drop-in）',
  'the rootless docker systemd unit (drop-ins)': 'rootless docker 的 systemd unit（drop-in）',
  'the buildkit systemd unit (user)': 'buildkit 的 systemd 用户 unit',
  'the buildkit systemd unit (system)': 'buildkit 的 systemd 系统 unit',
  'the buildkit systemd unit (drop-ins)': 'buildkit 的 systemd unit（drop-in）',
  'the rootless buildkit systemd unit (drop-ins)': 'rootless buildkit 的 systemd unit（drop-in）',
  'compose build.args': 'compose 的 build.args',
  'the Windows proxy settings (registry, WinINET)': 'Windows 代理设置（注册表，WinINET）',
  'WinHTTP (netsh winhttp show proxy)': 'WinHTTP（`netsh winhttp show proxy`）',
  'macOS network settings (scutil --proxy)': 'macOS 网络设置（`scutil --proxy`）',
  'GNOME settings (gsettings org.gnome.system.proxy)': 'GNOME 设置（`gsettings org.gnome.system.proxy`）',
  "Rancher Desktop's transparent proxy (settings.json)": 'Rancher Desktop 的透明代理（settings.json）',
};

/** Names with a value inside (a builder's name, a pid, a path): the pattern, and the zh-CN with $1, $2. */
const PATTERNS: [RegExp, string][] = [
  [
    /^dockerd's BuildKit — builder "(.*)" \((.+) driver\)$/,
    'dockerd 内置的 BuildKit，构建器 "$1"（$2 驱动）',
  ],
  [/^buildkitd — builder "(.*)" \((.+) driver\)$/, 'buildkitd，构建器 "$1"（$2 驱动）'],
  [/^builder "(.*)" \((.+)\)$/, '构建器 "$1"（$2）'],
  [/^(.+) — buildctl \(its default address\)$/, '$1，由 buildctl 使用（它的默认地址）'],
  [/^(.+) — buildctl \((.+)\)$/, '$1，由 buildctl 使用（$2）'],
  [
    /^RUN steps \((.+) build args, then ~\/\.docker\/config\.json proxies\)$/,
    'RUN 步骤（$1 的构建参数，其次是 ~/.docker/config.json 的 proxies）',
  ],
  [/^((?:dockerd|buildkitd) \(pid \d+\)) environment$/, '$1 的环境变量'],
  [/^(.+) proxies$/, '$1 中的 proxies'],
  [/^(.+) \(--command\)$/, '$1（--command）'],
  [/^KDE settings \((.+)\)$/, 'KDE 设置（$1）'],
  [/^Docker Desktop settings \((.+)\)$/, 'Docker Desktop 设置（$1）'],
  [/^(.+), used by Docker Desktop in system mode$/, '$1，Docker Desktop 在 system 模式下使用'],
  [/^(.+) \(experimental\.virtualMachine\.proxy\)$/, '$1（`experimental.virtualMachine.proxy`）'],
];

/** A path, a command line or a setting name: shown as code, never translated. */
const CODE =
  /^(?:[/~%]|[A-Za-z]:\\|ExecStart$|(?:docker|systemctl|podman|buildah|buildctl|limactl|colima|rdctl|nerdctl|kubectl)\s|(?:dockerd|buildkitd) \(pid \d+\)$)/;

/** One of core's labels in zh-CN; `code` says the page shows it as code (a path or a command); a command inside a
 * translated name is marked with backticks, which the tools show as code. */
export function labelZhCn(english: string): { text: string; code: boolean } {
  // names first: "docker CLI + buildx in your shell" starts like a command line but is a phrase
  if (Object.hasOwn(EXACT, english)) return { text: EXACT[english]!, code: false };
  if (CODE.test(english)) return { text: english, code: true };
  for (const [re, zh] of PATTERNS) {
    const m = re.exec(english);
    if (m)
      return { text: zh.replace(/\$(\d)/g, (_, i: string) => labelZhCn(m[Number(i)]!).text), code: false };
  }
  return { text: english, code: false };
}
