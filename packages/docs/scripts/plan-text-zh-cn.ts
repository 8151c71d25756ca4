// The Chinese (zh-CN) words for what core's plans say in English: each file's and command's reason and each
// snippet's title, keyed by the English text (after the example home became `~`). The zh-CN guides render their
// plans through it; a sentence missing here stays English on a Chinese page, and the docs content test that
// looks for English prose on zh-CN pages names it.

export const PLAN_TEXT_ZH_CN: Record<string, string> = {
  // changes
  "gives dockerd and its embedded BuildKit (the docker driver's builder) the proxy at start-up":
    '让 dockerd 及其内置的 BuildKit（docker 驱动的构建器）在启动时得到代理',
  'dockerd applies these over its environment (Engine ≥ 23)':
    'dockerd 用它们覆盖自身的环境变量（Engine ≥ 23）',
  'docker build and docker buildx build pass these to RUN steps as build args':
    '`docker build` 和 `docker buildx build` 把它们作为构建参数传给 RUN 步骤',
  'gives buildkitd the proxy at start-up': '让 buildkitd 在启动时得到代理',
  'buildkitd trusts the corporate CA for these registries (restart buildkitd)':
    'buildkitd 对这些镜像仓库信任公司 CA（需重启 buildkitd）',
  'the proxy for docker and buildx in your shell (registry tokens are fetched by the CLI)':
    '你 shell 中 docker 和 buildx 使用的代理（镜像仓库令牌由 CLI 获取）',
  'new docker-container builders read this file; buildx copies the CA into the builder':
    '新建的 docker-container 构建器读取这个文件；buildx 把 CA 复制进构建器',
  // commands
  'systemd re-reads the unit files': 'systemd 重新读取 unit 文件',
  'dockerd reads its environment only at start; this stops running containers (live-restore is off)':
    'dockerd 只在启动时读取环境变量；这会停止正在运行的容器（live-restore 未开启）',
  'dockerd reads daemon.json proxies only at start; this stops running containers (live-restore is off)':
    'dockerd 只在启动时读取 daemon.json 中的 proxies；这会停止正在运行的容器（live-restore 未开启）',
  "a builder's environment is fixed when its container is created; --keep-state keeps the build cache (without it the cache is lost)":
    '构建器的环境在其容器创建时就已固定；`--keep-state` 保留构建缓存（不加则缓存丢失）',
  'recreates "ci" as it was, with the proxy in its environment': '按原样重建 "ci"，环境中带上代理',
  'recreates "ci" as it was, with the proxy in its environment and host networking, so it can reach the proxy on 127.0.0.1':
    '按原样重建 "ci"，环境中带上代理并使用 host 网络，使它能访问 127.0.0.1 上的代理',
  'buildkitd reads its environment only at start; running builds are interrupted':
    'buildkitd 只在启动时读取环境变量；正在运行的构建会被中断',
  'the host CA store: the client (token fetch), dockerd and a host buildkitd read it':
    '主机的 CA 库：客户端（获取令牌）、dockerd 和主机上的 buildkitd 都读取它',
  'rebuild /etc/ssl/certs/ca-certificates.crt with it': '用它重新生成 `/etc/ssl/certs/ca-certificates.crt`',
  'dockerd reads the CA store when it starts': 'dockerd 在启动时读取 CA 库',
  // snippets
  'docker build / docker buildx build': '`docker build` / `docker buildx build`',
  'buildctl: RUN steps get only --opt build-arg: values (the client needs the proxy too, for registry tokens)':
    '`buildctl`：RUN 步骤只得到 `--opt build-arg:` 的值（客户端也需要代理，用于获取镜像仓库令牌）',
  'docker compose': '`docker compose`',
  'docker buildx bake': '`docker buildx bake`',
  "A proxy on this host's 127.0.0.1: run RUN steps in the host network":
    '代理在本机的 127.0.0.1 上：让 RUN 步骤使用 host 网络',
  'Other distributions, and per registry for dockerd only':
    '其他发行版，以及只对 dockerd 生效的按镜像仓库配置',
  'RUN steps: add to your Dockerfile (buildproxy never edits it)':
    'RUN 步骤：加入你的 Dockerfile（buildproxy 从不修改它）',
  'RUN steps without baking the CA into the image: a secret mount per step':
    '不把 CA 留在镜像中的 RUN 步骤：每一步用 secret 挂载',
  'buildkitd started without systemd: stop it, then start it with the proxy in its environment':
    '不经 systemd 启动的 buildkitd：停止它，再带着环境中的代理启动',
  'BuildKit Deployment: add the proxy to the buildkitd container':
    'BuildKit Deployment：给 buildkitd 容器加上代理',
  'Apply it as a patch': '以 patch 方式应用',
  'buildx kubernetes driver (buildx ≥ 0.28 passes env.* to the pod)':
    'buildx 的 kubernetes 驱动（buildx ≥ 0.28 把 `env.*` 传给 pod）',
  'Load it from ~/.zshrc': '在 `~/.zshrc` 中加载它',
  'Load it from ~/.bashrc': '在 `~/.bashrc` 中加载它',
  'Load it from ~/.profile': '在 `~/.profile` 中加载它',
  'Or let the builder fetch registry tokens with its own proxy': '或者让构建器用它自己的代理获取镜像仓库令牌',
  'GitHub Actions: a whole job': 'GitHub Actions：一个完整的 job',
  'GitLab CI: variables reach the job, the dind daemon and build args':
    'GitLab CI：变量到达 job、dind 守护进程和构建参数',
  // laptop guides (Desktop, WSL 2, PAC)
  'In Docker Desktop: Settings > Resources > Proxies':
    '在 Docker Desktop 中：`Settings > Resources > Proxies`',
  'Docker Desktop gives its engine the new proxy only when it restarts ("Apply & restart" does it too; the command needs Desktop 4.37+)':
    'Docker Desktop 只在重启时把新代理交给它的引擎（`Apply & restart` 也会重启它；这条命令需要 Desktop 4.37 或更高版本）',
  'Docker Desktop reads its settings when it starts, and only then gives its engine the proxy (Desktop 4.37+; or open Docker Desktop)':
    'Docker Desktop 在启动时读取它的设置，之后才把代理交给它的引擎（需要 Desktop 4.37 或更高版本；也可以直接打开 Docker Desktop）',
  "mirrored networking: the distro shares Windows' 127.0.0.1, so its dockerd reaches the Windows proxy there":
    '镜像（mirrored）网络：发行版与 Windows 共用 127.0.0.1，因此其中的 dockerd 能在那里访问 Windows 上的代理',
  'Restart WSL from Windows (PowerShell): it stops every distro, this one too':
    '从 Windows（PowerShell）重启 WSL：这会停止所有发行版，包括当前这个',
  'Check, in the distro once it is open again': '发行版重新打开后，在其中检查',
  "WSL stops copying the Windows loopback proxy into Docker Desktop's VM (where 127.0.0.1 is the VM); Desktop uses its own proxy settings":
    'WSL 不再把 Windows 回环地址上的代理复制进 Docker Desktop 的虚拟机（在那里 127.0.0.1 指虚拟机自己）；Desktop 使用它自己的代理设置',
  // the snippet generator: every target on its reference machine (test/tools-zh-cn.test.ts lists what it plans)
  'nothing to write: pass --ca-cert FILE for a TLS-inspecting proxy, or --mirror HOST':
    '没有要写的内容：TLS 检查代理请传 `--ca-cert FILE`，或传 `--mirror HOST`',
  'cntlm relays to the corporate proxy with NTLM, for loopback and the docker bridge only':
    'cntlm 用 NTLM 中继到公司代理，只服务回环地址和 docker 网桥',
  "Debian's cntlm package": 'Debian 的 cntlm 软件包',
  'start the relay with this configuration (after the hash is pasted)': '用这份配置启动中继（粘贴哈希之后）',
  'Make the hash, then point every actor at the relay': '生成哈希，然后让每个参与者都指向中继',
  'no CA to install: pass --ca-cert FILE (save the one your proxy presents with doctor --network --save-ca FILE)':
    '没有要安装的 CA：传 `--ca-cert FILE`（用 `doctor --network --save-ca FILE` 保存代理出示的 CA）',
  'podman and buildah are not installed here': '这台机器上没有安装 podman 和 buildah',
  'no podman machine here (podman machine list shows none)':
    '这里没有 podman machine（`podman machine list` 为空）',
  'colima is not in use here (no colima context, colima.yaml or colima on PATH)':
    '这里没有使用 colima（没有 colima 上下文、`colima.yaml`，PATH 中也没有 colima）',
  'Lima is not in use here (no docker context in ~/.lima, no ~/.lima/_config files)':
    '这里没有使用 Lima（`~/.lima` 中没有 docker 上下文，也没有 `~/.lima/_config` 文件）',
  'Rancher Desktop is not in use here (no settings.json, no Rancher Desktop docker endpoint)':
    '这里没有使用 Rancher Desktop（没有 `settings.json`，也没有 Rancher Desktop 的 docker 端点）',
  'this is not WSL 2 (no WSL distro, and not Windows): .wslconfig configures WSL':
    '这不是 WSL 2（没有 WSL 发行版，也不是 Windows）：`.wslconfig` 只配置 WSL',
  'the buildkitd.toml of builder "ci" with the corporate CA, to recreate it with':
    '构建器 "ci" 的 `buildkitd.toml`，带公司 CA，重建构建器时使用',
  "docker build and docker buildx build pass these to RUN steps as build args (build containers reach this host at docker0's address (172.17.0.1 unless dockerd runs with --bip or --bridge))":
    '`docker build` 和 `docker buildx build` 把它们作为构建参数传给 RUN 步骤（构建容器通过 docker0 的地址访问本机：除非 dockerd 以 `--bip` 或 `--bridge` 运行，否则是 172.17.0.1）',
  'the proxy URL has a password: it goes in a file only root can read':
    '代理 URL 中带有密码：它写进一个只有 root 能读的文件',
  'the proxy is already on this host: give the corporate proxy (--proxy) that cntlm relays to':
    '代理已经在本机上：请给出 cntlm 要中继到的公司代理（`--proxy`）',
};

/** The zh-CN text of one of core's plan sentences, or the English when there is none yet. */
export const planTextZhCn = (english: string): string => PLAN_TEXT_ZH_CN[english] ?? english;
