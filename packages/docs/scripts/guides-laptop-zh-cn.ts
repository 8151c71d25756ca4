// The Simplified Chinese prose of the laptop guides (WSL 2, PAC files) and of the Docker Desktop guide's closing
// sections, keyed by guide slug like guides-zh-cn.ts. The configuration blocks are generated as in English, and the
// hand-written ones are the English guides' own constants (guide-code.ts).
import { pac as pacMachines } from '@buildproxy/core/testing';
import { pacDoctorPrints } from './guide-code.js';
import { pacMac } from './guides-laptop.js';
import type { GuideZh } from './guides-zh-cn.js';

export const DESKTOP_OUTRO_ZH = `## buildproxy 读取什么

- **Desktop 的设置**：\`settings-store.json\`（Desktop 4.35 起；之前是 \`settings.json\`），macOS 在
  \`~/Library/Group Containers/group.com.docker/\`，Windows 在 \`%APPDATA%\\Docker\\\`，Linux 在 \`~/.docker/desktop/\`：
  \`ProxyHTTPMode\`（\`system\` 或 \`manual\`）、\`OverrideProxyHTTP\`、\`OverrideProxyHTTPS\`、\`OverrideProxyExclude\`、
  单独的容器代理以及 \`ProxyEnableKerberosNTLM\`。\`admin-settings.json\` 中 \`locked\` 的代理优先，这时 buildproxy 会请你联系管理员。
- **\`docker info\`**：使用 Desktop 自己的代理时显示 \`http.docker.internal:3128\`（或 \`192.168.65.1:3128\`），即 Desktop 的内部代理，
  不论上游是什么。如果这里显示的是 \`127.0.0.1\`，说明虚拟机里的引擎拿到了宿主机的回环地址，而那其实是虚拟机自己
  （[desktop-loopback-proxy](/zh-cn/rules/desktop-loopback-proxy/)）。
- \`system\` 模式下的**系统代理**：macOS 的 \`scutil --proxy\`、Windows 代理设置、GNOME 或 KDE。

只有在 Desktop 的引擎停止时 buildproxy 才会写 \`settings-store.json\`（Desktop 运行时会用内存中的设置覆盖该文件）；否则计划给出在
Desktop 窗口中的操作步骤，如上所示。无论哪种方式，引擎都要等 Desktop 再次启动后才使用新代理，所以计划以
\`docker desktop restart\`（或 \`start\`；\`docker desktop\` 命令需要 Desktop 4.37 或更高版本，窗口中的
\`Apply & restart\` 效果相同）结束，并且只在这次重启之后才把
[desktop-loopback-proxy](/zh-cn/rules/desktop-loopback-proxy/) 这类问题算作已解决。

## 你的 shell 仍然需要代理

docker CLI 和 buildx 自己向镜像仓库获取令牌，用的是你 shell 的环境变量，而不是 Desktop 的设置
（[client-token-proxy](/zh-cn/rules/client-token-proxy/)；[docker/desktop-feedback#28](https://github.com/docker/desktop-feedback/issues/28)）。所以上面每个标签页都会在 shell
的启动文件中导出代理。

## 使用 WSL 2 或 PAC 文件时

Desktop 的 WSL 集成和 WSL 的 \`autoProxy\` 见 [WSL 2](/zh-cn/guides/wsl2/)；系统代理是自动配置脚本时见
[PAC 文件](/zh-cn/guides/pac-files/)。`;

export const GUIDES_LAPTOP_ZH_CN: Record<string, GuideZh> = {
  wsl2: {
    title: 'WSL 2',
    description:
      'dockerd 运行在 WSL 发行版中，或使用 Docker Desktop 的 WSL 集成；Windows 代理在 127.0.0.1 或是 PAC 文件。',
    intro: `在 WSL 2 中 dockerd 可以运行在两个地方，它们访问代理的方式不同：

- **dockerd 在你的发行版里**（\`sudo apt install docker.io\` 或 docker-ce，并在 \`/etc/wsl.conf\` 中设置 \`[boot] systemd=true\`）：
  和任何 Linux 一样用 systemd drop-in 配置。WSL 默认的 **NAT** 网络下，发行版有自己的 \`127.0.0.1\`，Windows 上监听
  \`127.0.0.1:7890\` 的代理客户端访问不到（[wsl-nat-loopback-proxy](/zh-cn/rules/wsl-nat-loopback-proxy/)；WSL 自己也会提示
  "NAT 模式下的 WSL 不支持 localhost 代理"）。**mirrored** 网络（\`%UserProfile%\\.wslconfig\` 中的
  \`networkingMode=mirrored\`）让发行版共享 Windows 的回环地址。
- **Docker Desktop 的 WSL 集成**：发行版里的 \`docker\` 命令连接 Desktop 的引擎，引擎运行在 Desktop 自己的虚拟机中，代理来自
  Desktop 的设置。WSL 的 \`autoProxy\`（默认开启）会把 Windows 代理复制到每个发行版，包括 Desktop 的；复制进虚拟机的回环代理
  指向虚拟机自己（[desktop-loopback-proxy](/zh-cn/rules/desktop-loopback-proxy/)）。\`autoProxy=false\` 可以阻止这一点。

\`autoProxy\` 还会把 \`http_proxy\` 和 \`WSL_PAC_URL\` 导出到你的 shell；Windows 只配置了 PAC 时，旧版 WSL 不设置
\`HTTPS_PROXY\`（[wsl-autoproxy-https-missing](/zh-cn/rules/wsl-autoproxy-https-missing/)），发行版的所有 HTTPS 请求都会直连。
\`buildproxy doctor\` 会判断你属于哪种情况：它读取 \`/proc/version\`、\`WSL_DISTRO_NAME\`、\`/etc/wsl.conf\`、
\`wslinfo --networking-mode\`，并通过 interop 读取 Windows 侧的 \`.wslconfig\` 和代理设置。`,
    labels: ['dockerd 在发行版中（NAT）', 'Docker Desktop（WSL 集成）'],
    before: [
      `\`.wslconfig\` 属于你的 Windows 用户（在发行版中是 \`/mnt/c/Users/NAME/.wslconfig\`）。buildproxy 只编辑 \`[wsl2]\` 小节，
保留其他所有行、注释和 Windows 换行符；文件中有重复的键或无法识别的行时会拒绝修改。\`wsl --shutdown\` 会停止所有发行版（包括当前这个），
所以这一步要在 Windows 上运行。`,
      undefined,
    ],
    outro: `## Windows 上的 PAC 文件

Windows 使用 PAC 文件时，WSL 会导出 \`WSL_PAC_URL\`。发行版里的工具无法运行它；\`buildproxy doctor --network\` 会下载并运行它，
告诉你对应的静态 \`HTTPS_PROXY\` 和 \`NO_PROXY\`：见 [PAC 文件](/zh-cn/guides/pac-files/)。`,
  },
  'pac-files': {
    title: 'PAC 文件（自动代理配置）',
    description: 'PAC 文件对构建需要的每个主机说了什么，以及 docker、dockerd 和 BuildKit 需要的静态代理。',
    intro: `PAC 文件是 JavaScript：\`FindProxyForURL(url, host)\` 为每个请求返回 \`"PROXY proxy.corp.example:8080; DIRECT"\` 这样的结果。
浏览器和操作系统会运行它（macOS 的"自动代理配置"、Windows 的"使用设置脚本"、GNOME 和 KDE 的自动模式、WSL 的
\`WSL_PAC_URL\`、Docker Desktop 的 PAC 设置）。**构建的参与者都不会运行它**：docker CLI、buildx、dockerd 和 BuildKit 是 Go 程序，
只读取 \`HTTPS_PROXY\`、\`HTTP_PROXY\` 和 \`NO_PROXY\`；RUN 步骤运行的 apt、apk、curl、pip 也一样。只配置了 PAC 的电脑上，
浏览器能上网，\`docker build\` 却超时。

\`buildproxy doctor --network\` 找到机器指定的 PAC 地址（或用 \`--pac URL\` 指定另一个），直接下载它（仅 http 或 https，最多
512 KiB，一个总的超时：PAC 服务器常常只在 VPN 上可达），并在沙箱中运行（pac-resolver 运行在 QuickJS WebAssembly 虚拟机里：
不能访问文件、进程或网络；每次调用两秒后中止；32 MiB 内存；\`dnsResolve\` 由有界的解析器回答），对象是 docker.io 的镜像仓库、
令牌服务和 blob CDN、你的镜像仓库和镜像加速器，以及常用软件包主机。然后它按参与者指出 PAC 说走代理、参与者却直连的情况
（[pac-proxy-not-used](/zh-cn/rules/pac-proxy-not-used/)），并给出静态设置（[pac-static-proxy](/zh-cn/rules/pac-static-proxy/)）。对 buildproxy 测试所用的公司 PAC 文件，它打印（CLI 的原始输出）：

${pacDoctorPrints(pacMac(pacMachines.CORPORATE_PAC))}

**备选。** \`PROXY a:8080; PROXY b:8080\` 让浏览器在 \`a\` 不可达时改用 \`b\`。\`DIRECT; PROXY a:8080\` 让它先直连，失败后才用代理。
Go 工具只用一个固定代理、从不回退：静态设置取第一个选择（所以这些主机放进 \`NO_PROXY\`）；如果你构建的地方禁止直连，就对它们改用代理。
按本机地址选择代理的 PAC（\`isInNet(myIpAddress(), …)\`）在别的办公地点会给出不同的回答：到那里再运行一次 doctor。
向导会把这个静态代理连同来源一起作为默认答案。`,
    labels: ['macOS，Docker Desktop'],
    outro: `## PAC 文件无法使用时

[pac-unusable](/zh-cn/rules/pac-unusable/) 会说明原因：超时或域名无法解析（连上 VPN 后再运行 doctor）、HTTP 状态码（地址已失效）、
文件超过 512 KiB 或不是通过 http(s) 提供，或者脚本抛出异常、死循环、返回的不是 PAC 回答。向 IT 要代理地址，用
\`buildproxy plan --proxy http://HOST:PORT\` 配置。`,
  },
};
