// long because: the Chinese (zh-CN) of every plan sentence (sentences.ts), by its typed id, for the docs' zh-CN
// guides and snippet generator. Commands, flags, paths and file names are marked as code with backticks; a {slot}
// is a value the English has in the same place, kept verbatim.
import type { PlanSentenceId } from './sentences.js';

export const PLAN_SENTENCES_ZH_CN: Record<PlanSentenceId, string> = {
  'docker-daemon-json.dockerd-applies-over-environment': 'dockerd 用它们覆盖自身的环境变量（Engine ≥ 23）',
  'buildkitd-toml.buildkitd-trusts-corporate-ca': 'buildkitd 对这些镜像仓库信任公司 CA（需重启 buildkitd）',
  'client-shell.proxy-docker-buildx-your':
    '你 shell 中 docker 和 buildx 使用的代理（镜像仓库令牌由 CLI 获取）',
  'buildkitd-toml.new-docker-container-builders':
    '新建的 docker-container 构建器读取这个文件；buildx 把 CA 复制进构建器',
  'systemd.systemd-re-reads-unit': 'systemd 重新读取 unit 文件',
  'systemd.dockerd-reads-environment-at':
    'dockerd 只在启动时读取环境变量；这会停止正在运行的容器（live-restore 未开启）',
  'docker-daemon-json.dockerd-reads-daemon-json':
    'dockerd 只在启动时读取 daemon.json 中的 proxies；这会停止正在运行的容器（live-restore 未开启）',
  'buildx-docker-container.builder-s-environment-fixed':
    '构建器的环境在其容器创建时就已固定；`--keep-state` 保留构建缓存（不加则缓存丢失）',
  'systemd.buildkitd-reads-environment-at': 'buildkitd 只在启动时读取环境变量；正在运行的构建会被中断',
  'ca-trust.host-ca-store-client': '主机的 CA 库：客户端（获取令牌）、dockerd 和主机上的 buildkitd 都读取它',
  'ca-trust.rebuild-etc-ssl-certs': '用它重新生成 `/etc/ssl/certs/ca-certificates.crt`',
  'ca-trust.dockerd-reads-ca-store': 'dockerd 在启动时读取 CA 库',
  'build-command.docker-build-docker-buildx': '`docker build` / `docker buildx build`',
  'build-command.buildctl-run-steps-get':
    '`buildctl`：RUN 步骤只得到 `--opt build-arg:` 的值（客户端也需要代理，用于获取镜像仓库令牌）',
  'build-command.docker-compose': '`docker compose`',
  'build-command.docker-buildx-bake': '`docker buildx bake`',
  'build-command.proxy-host-s-127': '代理在本机的 127.0.0.1 上：让 RUN 步骤使用 host 网络',
  'ca-trust.other-distributions-per-registry': '其他发行版，以及只对 dockerd 生效的按镜像仓库配置',
  'ca-trust.run-steps-add-your': 'RUN 步骤：加入你的 Dockerfile（buildproxy 从不修改它）',
  'ca-trust.run-steps-without-baking': '不把 CA 留在镜像中的 RUN 步骤：每一步用 secret 挂载',
  'build-command.buildkitd-started-without-systemd':
    '不经 systemd 启动的 buildkitd：停止它，再带着环境中的代理启动',
  'kubernetes.buildkit-deployment-add-proxy': 'BuildKit Deployment：给 buildkitd 容器加上代理',
  'kubernetes.apply-as-patch': '以 patch 方式应用',
  'kubernetes.buildx-kubernetes-driver-buildx':
    'buildx 的 kubernetes 驱动（buildx ≥ 0.28 把 `env.*` 传给 pod）',
  'client-shell.or-let-builder-fetch': '或者让构建器用它自己的代理获取镜像仓库令牌',
  'ci-github-actions.github-actions-whole-job': 'GitHub Actions：一个完整的 job',
  'ci-gitlab.gitlab-ci-variables-reach': 'GitLab CI：变量到达 job、dind 守护进程和构建参数',
  'desktop-settings.docker-desktop-settings-resources':
    '在 Docker Desktop 中：`Settings > Resources > Proxies`',
  'desktop-settings.docker-desktop-gives-engine':
    'Docker Desktop 只在重启时把新代理交给它的引擎（`Apply & restart` 也会重启它；这条命令需要 Desktop 4.37 或更高版本）',
  'desktop-settings.docker-desktop-reads-settings':
    'Docker Desktop 在启动时读取它的设置，之后才把代理交给它的引擎（需要 Desktop 4.37 或更高版本；也可以直接打开 Docker Desktop）',
  'wslconfig.mirrored-networking-distro-shares':
    '镜像（mirrored）网络：发行版与 Windows 共用 127.0.0.1，因此其中的 dockerd 能在那里访问 Windows 上的代理',
  'wslconfig.restart-wsl-from-windows': '从 Windows（PowerShell）重启 WSL：这会停止所有发行版，包括当前这个',
  'wslconfig.check-distro-once-open': '发行版重新打开后，在其中检查',
  'wslconfig.wsl-stops-copying-windows':
    'WSL 不再把 Windows 回环地址上的代理复制进 Docker Desktop 的虚拟机（在那里 127.0.0.1 指虚拟机自己）；Desktop 使用它自己的代理设置',
  'buildkitd-toml.nothing-write-pass-ca':
    '没有要写的内容：TLS 检查代理请传 `--ca-cert FILE`，或传 `--mirror HOST`',
  'cntlm-relay.cntlm-relays-corporate-proxy': 'cntlm 用 NTLM 中继到公司代理，只服务回环地址和 docker 网桥',
  'cntlm-relay.debian-s-cntlm-package': 'Debian 的 cntlm 软件包',
  'cntlm-relay.start-relay-configuration-after': '用这份配置启动中继（粘贴哈希之后）',
  'cntlm-relay.make-hash-then-point': '生成哈希，然后让每个参与者都指向中继',
  'ca-trust.no-ca-install-pass':
    '没有要安装的 CA：传 `--ca-cert FILE`（用 `doctor --network --save-ca FILE` 保存代理出示的 CA）',
  'containers-conf.podman-buildah-are-not': '这台机器上没有安装 podman 和 buildah',
  'podman-machine.no-podman-machine-here': '这里没有 podman machine（`podman machine list` 为空）',
  'colima-yaml.colima-not-use-here':
    '这里没有使用 colima（没有 colima 上下文、`colima.yaml`，PATH 中也没有 colima）',
  'lima-override.lima-not-use-here':
    '这里没有使用 Lima（`~/.lima` 中没有 docker 上下文，也没有 `~/.lima/_config` 文件）',
  'rancher-desktop.rancher-desktop-not-use':
    '这里没有使用 Rancher Desktop（没有 `settings.json`，也没有 Rancher Desktop 的 docker 端点）',
  'wslconfig.not-wsl-2-no': '这不是 WSL 2（没有 WSL 发行版，也不是 Windows）：`.wslconfig` 只配置 WSL',
  'systemd.proxy-url-has-password': '代理 URL 中带有密码：它写进一个只有 root 能读的文件',
  'cntlm-relay.proxy-already-host-give': '代理已经在本机上：请给出 cntlm 要中继到的公司代理（`--proxy`）',
  'buildx-docker-container.recreates': '按原样重建 "{name}"，环境中带上代理',
  'buildx-docker-container.recreates-host':
    '按原样重建 "{name}"，环境中带上代理并使用 host 网络，使它能访问 127.0.0.1 上的代理',
  'buildx-docker-container.toml-ca': '构建器 "{name}" 的 `buildkitd.toml`，带公司 CA，重建构建器时使用',
  'buildx-docker-container.toml': '构建器 "{name}" 的 `buildkitd.toml`，重建构建器时使用',
  'client-shell.load-from': '在 `{rc}` 中加载它',
  'docker-cli-config.build-args': '`docker build` 和 `docker buildx build` 把它们作为构建参数传给 RUN 步骤',
  'systemd.gives-dockerd': '让 dockerd 及其内置的 BuildKit（docker 驱动的构建器）在启动时得到代理',
  'systemd.gives-buildkitd': '让 buildkitd 在启动时得到代理',
};
