// long because: the Chinese (zh-CN) text of every rule, keyed by rule id, in one place for translators.
// The docs site renders /zh-cn/rules/<id>/ from it; a test checks that every rule in RULES has an entry and
// that every target it names exists. Commands, flags, variables and file names stay as they are (they are
// typed, not translated).

export interface RuleTextTranslation {
  title: string;
  summary: string;
  explanation: string;
  fix: string;
}

export const RULE_TEXTS_ZH_CN: Record<string, RuleTextTranslation> = {
  'proxy-unreachable': {
    title: '参与者使用的代理没有响应',
    summary:
      'doctor --network 无法与代理建立 TCP 连接：端口上没有服务、本机无法解析代理主机名，或地址被过滤。使用它的参与者的每个请求都会失败，不论配置看起来多正确。',
    explanation: `\`buildproxy doctor --network\` 从本机连接每个参与者使用的代理。连接失败时，这些参与者的请求同样失败，报错为 \`proxyconnect tcp: dial tcp …: connect: connection refused\`、\`… i/o timeout\` 或 \`… no such host\`。

- **refused**：该端口没有程序在监听（地址写错、代理已迁移、本地 cntlm/px 没有运行）；
- **timeout** / **unreachable**：防火墙丢弃了流量，或地址位于另一个网络；
- **dns**：本机无法解析代理主机名（容器能解析的更少，见 \`loopback-proxy-unreachable\`）。`,
    fix: `找到正确的地址（浏览器或系统代理设置、PAC 文件、IT 部门），用 \`buildproxy doctor --network --proxy http://HOST:PORT\` 验证，再用 \`buildproxy plan --proxy http://HOST:PORT\` 写给每个参与者。`,
  },
  'proxy-auth-required': {
    title: '代理要求参与者不具备的认证',
    summary:
      '代理对 CONNECT 返回 407 Proxy Authentication Required。Go（dockerd、buildkitd、buildx）只能发送代理 URL 中的 Basic 凭据；NTLM 或 Negotiate 需要本地认证中继（cntlm）。',
    explanation: `代理用 **407** 回应 \`CONNECT registry-1.docker.io:443\`，其 \`Proxy-Authenticate\` 头列出可接受的方案：

- **Basic**：Go 从 URL 的 userinfo（\`http://user:pass@proxy:3128\`）发送。URL 中已有凭据仍得到 407，说明凭据错误或未正确编码（\`@\`、\`:\`、\`%\`、\`#\` 需要百分号编码）。
- **NTLM**、**Negotiate**（Kerberos/SPNEGO）和 **Digest**：Go 的 \`net/http\` 完全无法应答（golang/go#22288），任何设置都无法让 dockerd 或 buildkitd 通过这种代理。`,
    fix: `Basic：把百分号编码后的凭据写进代理 URL 后重新生成计划。NTLM 或 Negotiate：运行本地认证中继——目标 \`cntlm-relay\` 生成 Debian \`cntlm\` 的配置：只监听 \`127.0.0.1\` 和 docker 网桥网关，只 \`Allow\` 回环和网桥子网并 \`Deny 0/0\`（绝不成为携带公司凭据的开放中继），密码只以 \`PassNTLMv2\` 哈希保存在 0600 文件中。然后用 \`--proxy http://网桥网关:3128\` 重新生成计划。`,
  },
  'proxy-forbids-host': {
    title: '代理拒绝了构建需要的主机',
    summary:
      '代理对需要的主机（镜像仓库、其令牌服务或 blob CDN、内部仓库）的 CONNECT 返回策略性应答：403，或其拦截页面的 502/503/504。',
    explanation: `代理没有打开隧道，而是返回 **403 Forbidden**（squid 的 \`ERR_ACCESS_DENIED\`、Zscaler、Netskope、Blue Coat 的分类拦截）或 **502/503/504** 拦截页面。当应答的 \`Server\`、\`Via\`、\`X-Squid-Error\` 头或页面内容带有产品名时，doctor 会指出产品。拉取镜像需要 \`registry-1.docker.io\`、\`auth.docker.io\` 和 \`production.cloudflare.docker.com\` 全部可用。`,
    fix: `这是代理的策略，而不是你的配置：请代理管理员放行所列主机的 \`CONNECT\`。如果该主机是内部主机且可直连，把它加入 \`NO_PROXY\`（见 \`no-proxy-direct-only\`），或使用代理允许的镜像源（\`--mirror HOST\`）。`,
  },
  'tls-inspection-untrusted': {
    title: 'TLS 检查代理用该参与者不信任的 CA 重新签名',
    summary:
      'doctor --network 通过代理与镜像仓库完成 TLS 握手，证书链无法用公共根证书验证：代理在检查 TLS 并用自己的 CA 签名。每个拥有独立信任库的参与者都会报 x509: certificate signed by unknown authority，直到它信任该 CA。',
    explanation: `doctor 在隧道内完成握手，只用 Node 自带的公共根证书验证，并指出签发者。然后逐个参与者判断是否信任：
- **client**（buildx/buildctl 获取令牌）和 **dockerd**：主机 CA 库；dockerd 还读取 \`/etc/docker/certs.d/<host>/ca.crt\`；
- **docker-container / kubernetes / remote 构建器**：\`moby/buildkit\` 镜像的库（只有公共根证书）加上 \`--buildkitd-config\` 指定的 buildkitd.toml 中的 \`ca = [...]\`；
- **独立 buildkitd**：主机库或其 buildkitd.toml；
- **RUN 步骤**：正在构建的镜像内的库。`,
    fix: `保存代理出示的 CA：\`buildproxy doctor --network --save-ca corp-ca.pem\`（与 IT 核对指纹）。然后 \`buildproxy plan --ca-cert corp-ca.pem\`：目标 \`ca-trust\` 把它装进主机库并重启读取它的守护进程，并给出 RUN 步骤的 Dockerfile 片段及 \`--secret\` 形式（不会修改你的 Dockerfile）；\`buildx-docker-container\` 用列出该 CA 的 buildkitd.toml 重建构建器；\`buildkitd-toml\` 为独立 buildkitd 写入 \`ca\`。`,
  },
  'no-proxy-direct-only': {
    title: '需要的主机只能直连，却不在 NO_PROXY 中',
    summary:
      '内部仓库或镜像源从本机直连可以访问，但代理访问不到；参与者的 NO_PROXY 没有包含它，于是仍经代理发送。',
    explanation: `\`buildproxy doctor --network\` 对每个需要的主机尝试两次：经每个参与者的代理（按该参与者自己的 \`NO_PROXY\`，与 Go 的判断一致），以及短超时的直连。直连可达而代理失败（403、502、超时）的主机是内部主机；\`NO_PROXY\` 不匹配它的参与者会把请求发给代理并失败（docker/buildx#895）。`,
    fix: `用 \`buildproxy plan --registry HOST[:PORT]\`（或 \`--no-proxy HOST\`）重新生成计划：生成的 \`NO_PROXY\` 会在每一层包含它——目标 \`docker-systemd\`、\`docker-daemon-json\`、\`buildx-docker-container\` 和 \`client-shell\`。用 \`buildproxy route https://HOST:PORT/v2/\` 检查。`,
  },
  'daemon-unreachable': {
    title: '无法连接 docker 守护进程',
    summary: 'docker CLI 连不上 dockerd，因此无法检查守护进程及其构建器实际使用的代理；结论只基于配置文件。',
    explanation: `buildproxy 通过 \`docker info\`（或直接访问 Engine API 的 socket）读取 dockerd 真正生效的代理，以及构建器容器的环境变量。守护进程没有运行、socket 权限不够，或 \`DOCKER_HOST\` 指向了别处时，这些信息都拿不到，报告只能依据磁盘上的文件。`,
    fix: `启动 dockerd（\`sudo systemctl start docker\`，rootless 用 \`systemctl --user start docker\`），或把当前用户加入 \`docker\` 组，或修正 \`DOCKER_HOST\`，然后再运行 \`buildproxy doctor\`。`,
  },
  'proxy-unknown': {
    title: '没有任何信息表明构建是否需要代理',
    summary:
      '没有给出代理，机器上也没有任何地方设置了代理，所以每个参与者都按"无代理"检查：在直连网络上这是对的，在公司代理后面则是错的。用 --proxy 给出代理，按它检查每个参与者。',
    explanation: `buildproxy 把构建的每个参与者与你需要的代理比较。这个代理来自 \`--proxy\`，或者从任何配置了代理的地方推断（你的 shell、dockerd、某个构建器、\`~/.docker/config.json\`）。如果这些地方都没有，就没有可比较的对象：每个参与者都"没有代理"，这在能直连的网络上是正确的，而在公司代理后面恰恰就是问题所在。doctor 无法分辨是哪一种，所以它如实说明，而不是报告机器一切正常。`,
    fix: `如果构建正常，就什么都不用做。如果构建失败（访问 registry-1.docker.io、auth.docker.io 超时），给出代理并再次运行 doctor：\`buildproxy doctor --proxy http://HOST:PORT\`；向导会在网络步骤询问代理。然后用 \`buildproxy plan --proxy http://HOST:PORT\` 把它写给每个参与者。`,
  },
  'sudo-env-reset': {
    title: 'sudo 丢弃了用户的代理变量',
    summary:
      '通过 sudo 运行时，buildproxy 诊断的是输入命令的那个用户。sudo 默认的 env_reset 会去掉 HTTP_PROXY、HTTPS_PROXY 和 NO_PROXY，因此用 sudo 运行的命令（sudo docker build、sudo buildproxy apply）都拿不到它们。',
    explanation: `\`sudo buildproxy doctor\` 以 root 身份运行，以便读取 dockerd 的环境变量和系统文件；但它诊断的客户端和 RUN 步骤属于输入命令的用户（\`SUDO_USER\`）：该用户 shell 中的变量、\`~/.docker\`、构建器。sudo 默认的 \`env_reset\` 会以干净的环境启动命令，其中没有 \`HTTP_PROXY\`、\`HTTPS_PROXY\` 或 \`NO_PROXY\`。buildproxy 从启动它的 sudo 进程（其 \`/proc/PID/environ\`，即 sudo 收到的环境）读取用户的变量，并指出 sudo 丢弃了哪些。其他通过 sudo 运行的命令，包括 \`sudo docker build\` 和 \`sudo buildproxy apply\`，仍然拿不到它们。如果读不到这个环境（其他类似 sudo 的工具、加固的 /proc），报告会说明用户的变量未知。`,
    fix: `使用 sudo 时保留这些变量：\`sudo --preserve-env=HTTP_PROXY,HTTPS_PROXY,NO_PROXY,http_proxy,https_proxy,no_proxy CMD\`，或 \`sudo -E CMD\`（保留全部变量），或用 \`visudo -f /etc/sudoers.d/proxy\` 长期设置：\`Defaults env_keep += "HTTP_PROXY HTTPS_PROXY NO_PROXY http_proxy https_proxy no_proxy"\`。更好的做法是以该用户身份（加入 \`docker\` 组）构建，不用 sudo。`,
  },
  'config-file-invalid': {
    title: '配置文件无法解析',
    summary:
      'daemon.json、config.json 或 buildkitd.toml 格式错误：dockerd 拒绝启动，CLI 忽略该文件，buildkitd 退出。',
    explanation: `\`daemon.json\` 和 \`~/.docker/config.json\` 必须是严格的 JSON（不允许注释和末尾逗号），\`buildkitd.toml\` 必须是合法的 TOML。dockerd 遇到坏的 \`daemon.json\` 会直接拒绝启动；docker CLI 会忽略坏的 \`config.json\`，于是其中的 \`proxies\` 也失效。`,
    fix: `按报告给出的行号和列号修正文件，然后重启读取它的进程。buildproxy 不会改写格式错误的文件。`,
  },
  'file-unreadable': {
    title: '无法读取配置文件',
    summary: '一个配置代理的文件存在，但当前用户无权读取，因此报告中缺少它的设置。',
    explanation: `例如权限为 0600、属于 root 的 EnvironmentFile=。文件本身可能是正确的；只是以当前用户身份看不到其中的值，buildproxy 不会把它当成空文件。`,
    fix: `用有权限的用户再运行一次（\`sudo buildproxy doctor\`），或用 \`sudo systemctl show --property=Environment docker\` 查看守护进程实际加载的值。`,
  },
  'builder-proxy-missing': {
    title: '构建器没有代理',
    summary: '负责拉取 FROM 镜像、# syntax 前端和推送的 BuildKit 没有 HTTPS_PROXY，这些请求直连并超时。',
    explanation: `BuildKit（\`docker\` 驱动下是 dockerd 内置的那个，否则是容器、Pod 或服务里的 \`buildkitd\`）负责 \`RUN\` 步骤以外的一切：\`FROM\` 的清单和镜像层、\`# syntax=\` 前端镜像、\`--push\`、镜像缓存、\`ADD https://…\` 和 git 源。它只在**启动时从自身进程环境**读取一次代理（Go 的 \`http.ProxyFromEnvironment\`）。你在 shell 里 export 的变量和 \`--build-arg\` 都到不了它。

典型错误：\`dial tcp …:443: i/o timeout\`、\`connect: connection refused\`，或 \`lookup registry-1.docker.io: no such host\`（构建器自己做了 DNS 查询，说明它没有用代理）。`,
    fix: `在构建器启动的地方给它代理：
- \`docker\` 驱动：\`docker.service\` 的 systemd drop-in（target \`docker-systemd\` 或 \`docker-systemd-rootless\`），或 Engine ≥ 23 的 \`daemon.json\` \`proxies\`（target \`docker-daemon-json\`），然后重启 dockerd。
- \`docker-container\` 驱动：用 \`--driver-opt env.HTTPS_PROXY=…\` 重新创建构建器（target \`buildx-docker-container\`）。
- 独立 \`buildkitd\`：\`buildkit.service\` 的 drop-in（target \`buildkitd-systemd\`）；Kubernetes：Pod 的 env（target \`kubernetes\`）。`,
  },
  'build-args-only': {
    title: '代理只到达 RUN 步骤',
    summary:
      '代理构建参数（或 ~/.docker/config.json 的 proxies）只配置了 RUN 步骤，而 FROM、# syntax 和推送由没有代理的构建器获取。',
    explanation: `\`--build-arg HTTP_PROXY=…\` 和 \`config.json\` 的 \`proxies\` 只会变成 \`RUN\` 容器里的环境变量。构建器本身从不读取它们，所以 \`apt-get\` 能用，\`FROM\` 却依然超时。`,
    fix: `另外给构建器配置代理（见 [builder-proxy-missing](/zh-cn/rules/builder-proxy-missing/)）：target \`docker-systemd\`、\`docker-daemon-json\` 或 \`buildx-docker-container\`。`,
  },
  'builder-not-inherited': {
    title: 'docker-container 构建器没有继承守护进程的代理',
    summary:
      'dockerd 有代理，所以 docker pull 正常，但 buildx_buildkit 容器创建时没有代理，buildx build 失败。',
    explanation: `\`docker-container\` 构建器在自己的容器里运行 buildkitd，容器的环境只包含创建时给出的 \`env.*\` driver 选项，不会继承 dockerd 的代理。修改它只能删除并重新创建构建器。\`--driver-opt\` 的值按 CSV 解析：含逗号的 \`NO_PROXY\` 必须整体加双引号（再用单引号包住交给 shell），否则会被拆开。`,
    fix: `用代理重新创建构建器（target \`buildx-docker-container\`）：\`docker buildx rm --keep-state NAME\`，再 \`docker buildx create --name NAME --driver docker-container --driver-opt env.HTTPS_PROXY=… --driver-opt '"env.NO_PROXY=a,b,c"'\`。\`--keep-state\` 保留构建缓存。`,
  },
  'builder-config-stale': {
    title: '代理配置尚未加载',
    summary:
      '文件里写的是一回事，正在运行的守护进程或构建器用的是另一回事：systemd 没有 reload、dockerd 没有重启，或构建器没有重建。',
    explanation: `守护进程只在启动时读取代理。修改 drop-in 之后需要 \`systemctl daemon-reload\` 和重启；修改 \`daemon.json\` 需要重启 dockerd；\`docker-container\` 构建器需要重新创建。在此之前，文件和进程的环境不一致。`,
    fix: `\`sudo systemctl daemon-reload && sudo systemctl restart docker\`（rootless 用 \`systemctl --user\`），构建器则用 target \`buildx-docker-container\` 重建。注意：重启 dockerd 会停止正在运行的容器（除非开启了 live-restore）。`,
  },
  'daemon-json-unsupported': {
    title: 'daemon.json 的 proxies 需要 Docker Engine 23 或更新版本',
    summary: '此 Engine 早于 daemon.json 的 "proxies" 配置项：dockerd 带着它会拒绝启动。',
    explanation: `\`proxies\` 是 Engine 23.0 加入的。更早的版本（例如 Debian 12 的 \`docker.io\` 20.10）不认识这个键，会报 \`the following directives don't match any configuration option: proxies\` 并退出。`,
    fix: `删除 \`proxies\`，改用 systemd drop-in（target \`docker-systemd\`），或升级 Docker Engine。`,
  },
  'daemon-json-overrides-env': {
    title: 'daemon.json 覆盖了 systemd 中的代理',
    summary:
      'daemon.json 的 proxies 与 systemd 环境不一致；dockerd 默默采用 daemon.json，所以修改 drop-in 看起来没有效果。',
    explanation: `dockerd 把 \`daemon.json\` 的 \`proxies\` 应用在自身环境之上，日志里只会出现 \`overriding existing proxy variable\`。两处都配置时，生效的永远是 \`daemon.json\`。`,
    fix: `只保留一处：要么在 \`daemon.json\` 里改（target \`docker-daemon-json\`），要么删除 \`proxies\` 只用 drop-in（target \`docker-systemd\` 会替你删除）。`,
  },
  'daemon-json-flag-conflict': {
    title: '代理同时设置在 dockerd 启动参数和 daemon.json 中',
    summary: '同一个代理键既是 dockerd 的命令行参数又写在 daemon.json 里，dockerd 无法启动。',
    explanation: `dockerd 不允许同一个选项同时来自命令行（例如 \`ExecStart=\` 里的 \`--http-proxy\`）和 \`daemon.json\`，会报 \`the following directives are specified both as a flag and in the configuration file\`。`,
    fix: `从 \`ExecStart=\` 或 \`daemon.json\` 中删掉其中一个，然后 \`sudo systemctl daemon-reload && sudo systemctl restart docker\`。`,
  },
  'desktop-ignores-daemon-json': {
    title: 'Docker Desktop 忽略 daemon.json 的 proxies',
    summary: 'Docker Desktop 从 Settings > Resources > Proxies 获取代理；daemon.json 的 proxies 没有效果。',
    explanation: `Desktop 在虚拟机里运行 dockerd，并用自己的设置配置它的代理。写在 \`daemon.json\` 里的 \`proxies\` 不会生效。`,
    fix: `在 **Settings > Resources > Proxies** 里设置代理。buildx 等 CLI 插件还需要你的 shell 导出 \`HTTPS_PROXY\`（target \`client-shell\`）。`,
  },
  'desktop-loopback-proxy': {
    title: 'Docker Desktop 的引擎拿到了回环地址代理',
    summary:
      'docker info 显示 127.0.0.1 代理：引擎运行在 Desktop 的虚拟机里，那里的 127.0.0.1 是虚拟机自己，所以拉取镜像报 proxyconnect … connection refused。',
    explanation: `Desktop 通常给引擎设置内部代理 \`http.docker.internal:3128\`，由宿主机转发到上游代理，所以宿主机回环地址上的代理本来可以用。\`docker info\` 显示 \`127.0.0.1\` 时，说明 Windows 系统代理（Clash、v2rayN 等本地工具）被直接导入了虚拟机（docker/for-win#14818），常见于 WSL 的 \`autoProxy\` 加 \`networkingMode=mirrored\`（docker/for-win#14706）。`,
    fix: `在 **Settings > Resources > Proxies** 选择手动代理并填写上游代理（target \`desktop-settings\`）；不需要代理时选手动并留空。使用 WSL mirrored 模式时，在 \`%UserProfile%\\.wslconfig\` 的 \`[wsl2]\` 下设置 \`autoProxy=false\`（target \`wslconfig\`）或改回 \`networkingMode=nat\`，然后 \`wsl --shutdown\` 并重启 Docker Desktop。`,
  },
  'wsl-autoproxy-https-missing': {
    title: 'WSL autoProxy 只设置了 HTTP_PROXY，没有 HTTPS_PROXY',
    summary:
      'Windows 只配置了 PAC 时，WSL autoProxy 只导出 http_proxy 和 WSL_PAC_URL，HTTPS 请求（镜像仓库、令牌）全部直连。',
    explanation: `WSL 的 \`autoProxy\` 会把 Windows 代理复制到发行版环境变量里；只有 PAC（AutoConfigURL）时只设置 \`HTTP_PROXY\` 和 \`WSL_PAC_URL\`，\`HTTPS_PROXY\` 为空（microsoft/WSL#40945，已由 microsoft/WSL#40950 修复）。`,
    fix: `导出 \`HTTPS_PROXY\`（以及 \`https_proxy\`），值为 PAC 对镜像仓库返回的代理（target \`client-shell\`），或升级 WSL。`,
  },
  'wsl-nat-loopback-proxy': {
    title: 'Windows 代理在 Windows 的 127.0.0.1 上，WSL 发行版访问不到',
    summary:
      'WSL 默认的 NAT 模式下发行版有自己的 127.0.0.1：Windows 本地代理不会被镜像进来，发行版里的 dockerd 用不了它。',
    explanation: `WSL 自己的提示：“检测到 localhost 代理配置，但未镜像到 WSL。NAT 模式下的 WSL 不支持 localhost 代理。”（microsoft/WSL#10753）。`,
    fix: `在 \`%UserProfile%\\.wslconfig\` 中改用 \`networkingMode=mirrored\`（target \`wslconfig\`）后 \`wsl --shutdown\`；或让代理工具监听 Windows 主机地址（允许局域网），并把该地址配置给 dockerd（target \`docker-systemd\`）。`,
  },
  'pac-proxy-not-used': {
    title: 'PAC 文件让某个主机走代理，但参与者直连',
    summary:
      'PAC 文件对镜像仓库（或软件包主机）返回 PROXY，但获取它的参与者没有代理：Go 工具（docker、dockerd、BuildKit）和 RUN 步骤读不了 PAC 文件，于是直连并超时。',
    explanation: `PAC 文件（代理自动配置）是一个 JavaScript 函数 \`FindProxyForURL(url, host)\`，浏览器和操作系统用它为每个请求选择代理。docker CLI、buildx、dockerd 和 BuildKit 是 Go 程序，只读取自身环境里的 \`HTTP_PROXY\`、\`HTTPS_PROXY\`、\`NO_PROXY\`；RUN 步骤里的 \`apt-get\`、\`curl\`、\`pip\` 也一样。所以只配置了 PAC 的电脑上，浏览器能上网，构建却全部直连。

\`buildproxy doctor --network\` 会下载机器指定的 PAC 文件，在沙箱中为 docker.io 的镜像仓库、令牌、blob 主机以及你的镜像仓库和常用软件包主机运行它，并与每个参与者的实际行为对比。

PAC 的回答可以列出备选：\`PROXY a:8080; PROXY b:8080; DIRECT\` 表示依次尝试；\`DIRECT; PROXY a:8080\` 表示先直连，失败后才用代理。Go 工具只用一个固定代理、从不回退，因此静态设置取第一个选择。`,
    fix: `把 PAC 文件给出的代理作为静态设置配置给每个参与者：shell（target \`client-shell\`）、dockerd（\`docker-systemd\`，Docker Desktop 用 \`desktop-settings\`）、构建器（\`buildx-docker-container\`）。\`buildproxy plan --proxy URL\` 会一次写好；PAC 返回 DIRECT 的主机放进 \`NO_PROXY\`（见 \`pac-static-proxy\`）。`,
  },
  'pac-unusable': {
    title: 'PAC 文件无法下载或运行',
    summary:
      '机器指定了 PAC 文件，但无法下载（不在 VPN 上、404、过大、不是 http）或其 FindProxyForURL 出错、返回的不是 PAC 回答，因此不知道它应该给出的代理。',
    explanation: `机器的代理设置是 PAC 文件（macOS、Windows、GNOME、KDE 的“自动代理配置”，WSL 的 \`WSL_PAC_URL\`，Docker Desktop 的 PAC 设置），\`buildproxy doctor --network\` 无法使用它：

- **超时 / DNS / 拒绝连接**：PAC 服务器（常见 \`http://wpad.<domain>/wpad.dat\`）通常只在办公网或 VPN 上可达；
- **HTTP 状态码**：URL 已失效；
- **过大**或**不是 http(s)**（\`file://\`、\`data:\`）：buildproxy 只通过 http(s) 获取最多 512 KiB；
- **脚本出错**：抛出异常、死循环（每次调用 2 秒后中止）、内存耗尽（32 MiB），或返回的不是 \`"PROXY host:port; DIRECT"\` 这样的回答。

PAC 文件在 QuickJS 沙箱（\`pac-resolver\`）中运行：不能访问文件、进程或网络。`,
    fix: `连上 VPN 后重新运行 \`buildproxy doctor --network\`，或向 IT 要代理地址，用 \`buildproxy plan --proxy http://HOST:PORT\` 配置给每个参与者（shell 用 target \`client-shell\`）。\`buildproxy doctor --network --pac URL\` 可以试另一个 PAC 地址。`,
  },
  'pac-static-proxy': {
    title: 'PAC 文件的回答，以及 Go 工具需要的静态代理',
    summary:
      '已为构建需要的主机运行 PAC 文件：这里列出它对每个主机的回答，以及能为 docker CLI、dockerd、BuildKit 和 RUN 步骤重现它的 HTTPS_PROXY/HTTP_PROXY 与 NO_PROXY。',
    explanation: `PAC 文件用 JavaScript 为每个请求选择代理；构建镜像的工具只读固定的环境变量，所以要把 PAC 的选择写出来：它给互联网主机的代理作为 \`HTTPS_PROXY\` 和 \`HTTP_PROXY\`，它返回 DIRECT 的主机作为 \`NO_PROXY\`。

**备选。** \`PROXY a:8080; PROXY b:8080\` 让浏览器在 a 不可达时改用 b；\`DIRECT; PROXY a:8080\` 让它先直连、失败后才用代理。Go 工具只用一个固定代理、从不回退：静态设置取第一个选择；如果第一个选择在你构建的地方不可用，就改用下一个。按本机地址选代理的 PAC（\`isInNet(myIpAddress(), …)\`）在其他办公室会给出不同回答：到那里再运行一次 doctor。`,
    fix: `使用打印出的值：\`buildproxy plan --proxy URL --no-proxy LIST\` 为每个参与者写好（shell 用 target \`client-shell\`）。向导会把它们作为默认答案。`,
  },
  'ignored-config-file': {
    title: '代理写在 dockerd 从不读取的文件里',
    summary:
      '/etc/default/docker 或 /etc/sysconfig/docker 中的代理变量会被忽略，除非 unit 读取该文件；而且那里的 export 行永远无效。',
    explanation: `在 systemd 下，dockerd 的环境只来自 unit 的 \`Environment=\` 和 \`EnvironmentFile=\`。旧的 init 脚本才读取 \`/etc/default/docker\`；即使 unit 读取它，\`export\` 开头的行也会被 systemd 忽略。`,
    fix: `改用 drop-in（target \`docker-systemd\`）。`,
  },
  'syntax-frontend-pull': {
    title: '# syntax= 前端由没有代理的构建器拉取',
    summary:
      '`# syntax=` 行让构建器在解析 Dockerfile 之前先拉取前端镜像；构建器没有代理时，构建在第一行就失败。',
    explanation: `\`# syntax=docker/dockerfile:1\` 会让 BuildKit 从 Docker Hub 拉取 \`docker/dockerfile\` 镜像。这个请求由构建器发出，与 \`RUN\` 步骤无关，\`--build-arg\` 帮不上忙。`,
    fix: `给构建器配置代理（target \`docker-systemd\`、\`docker-daemon-json\` 或 \`buildx-docker-container\`），或删除 \`# syntax=\` 行使用内置前端。`,
  },
  'client-token-proxy': {
    title: '你的 shell 没有用于获取镜像仓库令牌的代理',
    summary:
      'buildx 在你的 shell 中获取镜像仓库认证令牌，而不是在守护进程中：shell 里没有 HTTPS_PROXY 时，FROM 失败于 `failed to fetch oauth token`。',
    explanation: `BuildKit 向客户端（docker CLI / buildx / buildctl）请求镜像仓库令牌，客户端在你的 shell 环境里访问 \`auth.docker.io\`。守护进程配置了代理也没用：客户端只看 shell 的 \`HTTPS_PROXY\`。`,
    fix: `在 shell 配置文件里导出代理（target \`client-shell\`；bash 用 \`~/.bashrc\`，macOS 的 zsh 用 \`~/.zshrc\`），或在构建时设置 \`BUILDKIT_NO_CLIENT_TOKEN=1\` 让构建器自己取令牌。`,
  },
  'run-proxy-missing': {
    title: 'RUN 步骤没有代理',
    summary:
      '没有任何东西把代理传给 RUN 步骤：构建中的 apt、apk、curl 和 pip 直连，除非每次构建都加上 --build-arg HTTP_PROXY。',
    explanation: `构建容器从不继承 dockerd 或 buildkitd 的代理（[moby/moby#14078](https://github.com/moby/moby/issues/14078) 有意如此）。\`RUN\` 步骤只能通过构建参数拿到代理。`,
    fix: `在 \`~/.docker/config.json\` 写入 \`proxies\`（target \`docker-cli-config\`），docker CLI 会把它作为构建参数传给每次构建；或者每次显式传 \`--build-arg\`（target \`build-command\`）。`,
  },
  'loopback-proxy-unreachable': {
    title: '此参与者无法访问 127.0.0.1 上的代理',
    summary: '代理在本机回环地址上，但该参与者运行在另一个网络命名空间里，那里的 127.0.0.1 是它自己。',
    explanation: `\`127.0.0.1\` 指"当前网络命名空间"。构建器容器、bridge 网络中的 \`RUN\` 步骤、rootless Docker 和 Docker Desktop 的虚拟机，各有自己的回环地址，访问不到主机上的代理。`,
    fix: `构建器用 \`--driver-opt network=host\` 重建（target \`buildx-docker-container\`）；\`RUN\` 步骤用 \`--network host\`，或让代理监听 \`docker0\` 地址（通常是 \`172.17.0.1\`）；rootless 设置 \`DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false\` 并使用 \`http://10.0.2.2:PORT\`；Docker Desktop 使用 \`http://host.docker.internal:PORT\`。`,
  },
  'env-proxy-in-image': {
    title: 'Dockerfile 用 ENV 把代理写进了镜像',
    summary: 'ENV HTTP_PROXY 把代理（以及其中的密码）保存在镜像里，镜像离开公司网络后容器会因此出错。',
    explanation: `\`ENV\` 的值会保存在镜像配置中，每个从这个镜像启动的容器都会带着它，包括在没有这个代理的环境里。`,
    fix: `删掉 \`ENV HTTP_PROXY\` 等行，改为构建时的代理构建参数（target \`docker-cli-config\` 或 \`build-command\`），它们不会留在镜像里。`,
  },
  'proxy-arg-declared': {
    title: 'Dockerfile 声明了代理 ARG',
    summary: '声明 ARG HTTP_PROXY 没有必要，而且会让代理成为构建缓存和镜像历史的一部分。',
    explanation: `\`HTTP_PROXY\`、\`HTTPS_PROXY\`、\`NO_PROXY\` 等是预定义的构建参数，不声明也能在 \`RUN\` 中使用，并且默认不进入镜像历史。一旦用 \`ARG\` 声明，它们就和普通参数一样被记录。`,
    fix: `删除这些 \`ARG\` 行。`,
  },
  'proxy-credentials-exposed': {
    title: '代理凭据暴露',
    summary:
      '带密码的代理 URL 存放在他人可读的位置：构建证明中的构建参数、构建器的 driver 选项、所有人可读的 drop-in。',
    explanation: `代理 URL 中的密码会出现在：
- \`~/.docker/config.json\` 的 proxies 和 \`--build-arg\` 的值会成为构建参数，SLSA provenance 在 \`mode=max\` 时会记录它们（公开仓库上 docker/build-push-action 的默认值）；
- \`--driver-opt env.HTTPS_PROXY=…\` 会被 \`docker buildx inspect\` 原样打印；
- systemd drop-in 中的 \`Environment=\` 任何用户都能读到（\`systemctl show docker\`）。`,
    fix: `优先使用构建主机上无需密码的代理（例如构建器能访问到的地址上运行的本地 cntlm/px）。否则把密码放进只有 root 可读的 \`EnvironmentFile=\`（权限 0600；target \`docker-systemd\`），并用 \`--provenance=mode=min\` 构建（target \`build-command\`）。CI 中使用 secrets / 屏蔽变量。`,
  },
  'https-proxy-missing': {
    title: '设置了 HTTP_PROXY 却没有 HTTPS_PROXY',
    summary: 'Go 对 https:// 请求只使用 HTTPS_PROXY；只有 HTTP_PROXY 时，所有镜像仓库请求都会直连。',
    explanation: `镜像仓库都是 https。Go 的 \`httpproxy\` 对 https 请求只看 \`HTTPS_PROXY\`（或 \`https_proxy\`），不会退回到 \`HTTP_PROXY\`。`,
    fix: `把 \`HTTPS_PROXY\` 设为同一个代理（通常仍是 \`http://\` 开头）。buildproxy 的每个 target 都会同时写入两者。`,
  },
  'https-proxy-scheme': {
    title: '代理 URL 使用了 https://',
    summary:
      'https:// 的代理 URL 让 Go 与代理本身建立 TLS；大多数公司代理只讲明文 HTTP，即使是 HTTPS_PROXY。',
    explanation: `\`HTTPS_PROXY\` 的意思是"https 请求用的代理"，不是"用 TLS 连接代理"。写成 \`https://proxy:3128\` 时，Go 会先与代理握手 TLS，典型错误是 \`proxyconnect tcp: tls: first record does not look like a TLS handshake\`。`,
    fix: `改用 \`http://proxy:3128\`，除非代理确实在该端口提供 TLS。`,
  },
  'proxy-url-invalid': {
    title: '代理 URL 格式错误',
    summary: '代理值缺少主机、端口错误、密码含未编码字符、带引号或空格——Go 会忽略它或连接到错误的地址。',
    explanation: `密码中的 \`@\`、\`#\`、\`%\`、\`:\` 必须百分号编码（\`@\` 写成 \`%40\`）。未展开的变量会留下空主机，典型错误是 \`proxyconnect tcp: dial tcp :0\`。`,
    fix: `写成 \`http://USER:PASSWORD@HOST:PORT\`，密码中的特殊字符编码，不带引号和空格。\`buildproxy route\` 可以检查结果。`,
  },
  'systemd-percent-escape': {
    title: 'systemd Environment= 行中的 % 没有写成 %%',
    summary: 'systemd 把 % 当作说明符：像 p%40ss 这样的百分号编码密码会让 systemd 丢弃整行 Environment=。',
    explanation: `在 unit 文件里，\`%h\`、\`%u\` 等是说明符；\`%4\` 这样的未知说明符会使 systemd 报错并忽略整行，于是 dockerd 完全没有代理。`,
    fix: `在 unit 文件中把每个 \`%\` 写成 \`%%\`（buildproxy 生成的 drop-in 会这样做），或把变量放进 \`EnvironmentFile=\`，那里的 \`%\` 不需要转义。`,
  },
  'systemd-environment-quoting': {
    title: 'systemd Environment= 行的引号用错了',
    summary: '一对引号里放多个变量会变成一个变量；值中未加引号的空格会把它拆成两个。',
    explanation: `systemd 按空格拆分 \`Environment=\` 的值，每个 \`"KEY=VALUE"\` 需要单独加引号。\`Environment="HTTP_PROXY=a HTTPS_PROXY=b"\` 只设置了一个名为 \`HTTP_PROXY\`、值为 \`a HTTPS_PROXY=b\` 的变量。`,
    fix: `每个变量一行：\`Environment="HTTPS_PROXY=http://proxy:3128"\`（target \`docker-systemd\`）。`,
  },
  'no-proxy-missing-registry': {
    title: '内部镜像仓库不在 NO_PROXY 中',
    summary: '访问内部镜像仓库或镜像加速器的请求经过公司代理，而代理通常访问不到它（403、502、超时）。',
    explanation: `Go 只有在 \`NO_PROXY\` 匹配时才直连。内部仓库、镜像加速器和 \`DOCKER_HOST\` 都需要列在其中，而且每个参与者的 \`NO_PROXY\` 都要有。`,
    fix: `用 \`--registry\` 生成列表（target \`docker-systemd\`、\`docker-daemon-json\`、\`buildx-docker-container\`、\`client-shell\`）。`,
  },
  'no-proxy-syntax': {
    title: 'NO_PROXY 中有永远不会匹配的条目',
    summary:
      'NO_PROXY 中的空格、分号、协议前缀或中间通配符会产生什么也匹配不到的条目，绕过代理悄无声息地失效。',
    explanation: `Go 只按逗号分隔，不认识 \`http://\` 前缀，\`*.corp\` 等同于 \`.corp\`，\`a*.corp\` 不匹配任何东西。差异详见 [NO_PROXY 语义](/zh-cn/reference/no-proxy/)。`,
    fix: `写成逗号分隔的 \`.domain\` 后缀、主机名、IP 和 CIDR，不带空格和协议。`,
  },
  'proxy-case-mismatch': {
    title: '大写和小写的代理变量不一致',
    summary:
      'HTTP_PROXY 与 http_proxy（或 NO_PROXY 与 no_proxy）的值不同；Go、curl 和 wget 各自取不同的那个。',
    explanation: `Go 优先读大写，curl 对 \`http_proxy\` 只读小写，wget 只读小写。两者不同时，同一个构建里的不同工具会走不同的代理。`,
    fix: `两种大小写写成同样的值（buildproxy 的每个 target 都会这样写）。`,
  },
  'all-proxy-only': {
    title: '只设置了 ALL_PROXY',
    summary:
      'dockerd、buildkitd 和 buildx 从不读取 ALL_PROXY，buildx 也不会把 config.json 的 allProxy 传给 RUN 步骤。',
    explanation: `Go 的 \`httpproxy\` 不支持 \`ALL_PROXY\`。只设置 \`ALL_PROXY=socks5://…\` 时，守护进程和构建器直连。此外 apk、apt 等 \`RUN\` 中的工具只支持 HTTP 代理，不支持 SOCKS。`,
    fix: `设置 \`HTTP_PROXY\` 和 \`HTTPS_PROXY\`，使用代理客户端的 HTTP 端口。`,
  },
  'tls-inspection-ca': {
    title: '并非每个参与者都信任公司 CA',
    summary:
      '执行 TLS 检查的代理用公司 CA 重新签名流量；每个参与者有自己的信任库，在信任该 CA 之前都会报 x509: certificate signed by unknown authority。',
    explanation: `客户端使用主机的系统信任库，dockerd 使用系统信任库和 \`/etc/docker/certs.d\`，容器里的 buildkitd 使用它镜像里的信任库，\`RUN\` 步骤使用正在构建的镜像的信任库。详见 [TLS 检查代理](/reference/tls-inspection/)。`,
    fix: `把 CA 装进每个参与者：主机上 \`update-ca-certificates\`；构建器用 \`buildproxy plan --ca-cert FILE --target buildkitd-toml\`；\`RUN\` 步骤在 Dockerfile 中 \`COPY\` 证书并 \`update-ca-certificates\`，或使用 secret mount。`,
  },
  'docker-build-vs-buildx-build': {
    title: 'docker build 和 docker buildx build 使用不同的构建器',
    summary:
      '一个命令能用，另一个失败：docker build 使用默认构建器，docker buildx build 使用 docker buildx use 选择的那个。',
    explanation: `\`docker build\` 始终使用当前上下文的默认构建器（\`docker\` 驱动，即 dockerd）；\`docker buildx build\` 使用 \`docker buildx use\` 或 \`BUILDX_BUILDER\` 选中的构建器，它可能是没有代理的 \`docker-container\` 构建器。`,
    fix: `给两个构建器都配置代理，或用 \`docker buildx use default\` 切换回默认构建器。`,
  },
  'git-context-proxy': {
    title: '此版本 BuildKit 的 git 源忽略构建器代理',
    summary:
      '在 BuildKit 0.19（Docker Engine 28）之前，拉取 ADD <git> 源和 git 构建上下文的 git 进程拿不到构建器的代理。',
    explanation: `旧版 BuildKit 启动 git 时没有传递代理变量，git 直连并失败，即使构建器本身有代理。`,
    fix: `升级到 BuildKit ≥ 0.19（Engine 28），例如用 \`--driver-opt image=moby/buildkit:latest\` 重建构建器（target \`buildx-docker-container\`），或在 \`RUN\` 步骤中拉取源码。`,
  },
  'proxy-network-bypass': {
    title: 'BuildKit 的代理网络绕过了你的代理',
    summary:
      'BuildKit 自带的"代理网络"（v0.31+）会改写 RUN 步骤的代理；在 v0.31–v0.32 中它随后直连，绕过了公司代理。',
    explanation: `在 \`buildkitd.toml\` 中设置 \`proxyNetwork = true\`，或使用 \`--proxy-network\` / \`buildctl build --proxy-network\` 时，BuildKit 会在每个 RUN 步骤前放置自己的记录型中间人代理，并**覆盖**该步骤中的 \`HTTP_PROXY/HTTPS_PROXY/NO_PROXY\`。v0.31–v0.32 中这个代理直接向外连接（[moby/buildkit#6991](https://github.com/moby/buildkit/issues/6991)），忽略你的上游代理；链式转发到上游是之后才加入的（[moby/buildkit#7074](https://github.com/moby/buildkit/issues/7074)）。`,
    fix: `关闭代理网络（删除 \`proxyNetwork\` / \`--proxy-network\`），或使用能链式转发到守护进程上游代理的 BuildKit（target \`buildkitd-toml\`）。`,
  },
  'podman-machine-loopback-proxy': {
    title: 'podman machine 拿到了 127.0.0.1 代理：在虚拟机里它指向虚拟机自己',
    summary:
      'machine 的环境（default-env.conf）里的代理在 127.0.0.1 或 localhost，是从主机 shell 复制过去的；在虚拟机里这个地址就是虚拟机本身，所以每次拉取都会失败。',
    explanation: `\`podman machine start\` 会把启动它的 shell 中的代理变量写进虚拟机的 \`/etc/systemd/system.conf.d/default-env.conf\`。podman 4.6 之前（以及 WSL 上）原样复制 \`127.0.0.1\`（[containers/podman#14087](https://github.com/containers/podman/issues/14087)），虚拟机于是连接自己的回环地址。4.6 起会改写为 \`host.containers.internal\`。`,
    fix: `停止 machine，再在环境中设置 \`HTTP_PROXY=http://host.containers.internal:PORT\` 后启动它（target \`podman-machine\` 会给出命令）。本地代理必须接受来自虚拟机的连接。`,
  },
  'podman-machine-proxy-stale': {
    title: 'podman machine 仍在使用上次启动它的 shell 的代理',
    summary:
      'podman machine 只在启动时（`podman machine start`）复制一次启动它的 shell 中的代理变量。当前 shell 的代理与运行中的 machine 不同（或 machine 没有代理），拉取和远程构建会一直使用旧值，直到从这里重启 machine。',
    explanation: `\`podman machine start\` 启动虚拟机时，把*那个* shell 的代理变量写进虚拟机的 \`/etc/systemd/system.conf.d/default-env.conf\`，虚拟机里的 podman 服务直到下次启动都用它们拉取和构建。之后再设置或修改 \`HTTPS_PROXY\`，或只对一条命令设置，都不会改变虚拟机里的值（[containers/podman#22898](https://github.com/containers/podman/issues/22898)）。doctor 比较 machine 的 \`default-env.conf\` 与当前 shell，并给出 machine 上次启动的时间（\`podman machine inspect\` 的 \`LastUp\`）。podman 4.6 起（WSL 除外）会把回环地址代理写成 \`host.containers.internal\`，这种差异是预期的，不会报告。`,
    fix: `在设置了代理的 shell 中重启 machine：\`podman machine stop NAME\`，然后 \`podman machine start NAME\`（target \`podman-machine\` 会给出这两条命令，并为启动设置代理）。`,
  },
  'lima-system-proxy': {
    title: 'Lima 把 macOS 系统代理交给了虚拟机里的 dockerd',
    summary:
      'Lima 虚拟机里的 dockerd 使用的代理既不是当前 shell 设置的，也不在 Lima 的配置文件里：Lima 会从 Mac 的网络设置中取代理。网络设置里遗留的代理（旧办公室的代理、已关闭的 VPN）会让每次拉取失败，而 `env | grep -i proxy` 什么也看不到。',
    explanation: `Lima（以及基于它的 Colima）每次启动虚拟机时计算代理变量：先取 **Mac 的系统代理**（\`scutil --proxy\` 显示的，系统设置 > 网络 > 代理），再用 YAML 文件中的 \`env:\` 覆盖，再用运行 \`limactl start\` 的 shell 中的代理变量覆盖，最后写入虚拟机的 \`/etc/environment\`，dockerd 从那里读取（lima-vm/lima \`pkg/cidata/cidata.go\` 的 \`setupEnv\`）。所以网络设置里遗留的代理会进入虚拟机，拉取超时：\`context deadline exceeded\`（[abiosoft/colima#610](https://github.com/abiosoft/colima/issues/610)）。在虚拟机里修改 \`/etc/environment\` 不会持久，下次启动时 Lima 会重新写入。`,
    fix: `在系统设置 > 网络 > 代理中修正或清除代理；或者在 Lima 自己的文件里决定：target \`lima-override\` 把代理写进 \`~/.lima/_config/override.yaml\` 的 \`env:\`（优先于系统设置）并重启实例；若只想排除系统代理，在那里给变量设空值（\`HTTP_PROXY: ""\`，Lima 会丢弃空变量）。Colima 请用 \`colima.yaml\` 的 \`env\`（target \`colima-yaml\`）。`,
  },
  'colima-loopback-proxy': {
    title: 'Colima 把 127.0.0.1 代理写进了虚拟机的 daemon.json',
    summary:
      'Colima 虚拟机里的 dockerd 使用 daemon.json 中的 proxies；colima 0.7.5 及更早版本原样复制回环地址代理，而虚拟机环境变量拿到的是主机网关。',
    explanation: `Lima 把主机代理写进虚拟机的 \`/etc/environment\` 时会把 \`127.0.0.1\` 换成主机网关（\`192.168.5.2\`、\`host.lima.internal\`），但 colima 0.7.5 写 \`/etc/docker/daemon.json\` 时没有替换（[abiosoft/colima#1144](https://github.com/abiosoft/colima/issues/1144)）。dockerd 以 daemon.json 为准，于是拉取失败。colima 0.7.6 修复了这一点。`,
    fix: `升级到 colima 0.7.6 或更高版本并执行 \`colima restart\`；旧版本可在 \`colima.yaml\` 的 \`env\` 中使用网关地址（target \`colima-yaml\`），然后 \`colima restart\`。`,
  },
  'podman-remote-run-no-proxy': {
    title: '远程 podman 构建的 RUN 步骤没有代理（podman < 4.4）',
    summary:
      '低于 4.4 的 podman 客户端连接服务（podman machine、podman-remote、CONTAINER_HOST）构建时默认 --http-proxy=false：RUN 步骤完全没有代理。',
    explanation: `podman 4.3 及更早版本对远程构建默认关闭 \`--http-proxy\`（[containers/podman#16520](https://github.com/containers/podman/issues/16520)），4.4 改为传入**服务端**进程的代理（[containers/podman#16776](https://github.com/containers/podman/issues/16776)）。buildproxy 的 e2e 在 podman 4.3.1 上实测：拉取走服务端代理，RUN 没有代理，加 \`--http-proxy=true\` 后 RUN 走服务端代理。`,
    fix: `把 podman 客户端升级到 4.4 或更高，或给 \`podman build\` 加上 \`--http-proxy=true\`。两种方式下 RUN 使用的都是服务端的代理：确保 machine 有代理（target \`podman-machine\`）。`,
  },
  'podman-http-proxy-ignored': {
    title: 'containers.conf 的 http_proxy = false 对构建无效',
    summary:
      '[containers] http_proxy = false 只对 `podman run` 的容器生效：`podman build` 和 `buildah bud` 仍把进程环境中的代理变量传给每个 RUN 步骤。',
    explanation: `\`podman build\` / \`buildah bud\` 的 \`--http-proxy\` 默认值在命令行代码里写死为 \`true\`，不读 containers.conf。buildproxy 的 e2e 在 podman 4.3.1 和 buildah 1.28.2 上实测：设置 \`http_proxy = false\` 后，RUN 仍然通过 shell 的代理发出请求，而 \`podman run\` 没有代理。`,
    fix: `要让 RUN 不走代理，在构建命令上写 \`podman build --http-proxy=false\`（\`buildah bud --http-proxy=false\`）。如果 RUN 本来就应该走代理，删掉 \`http_proxy = false\`。`,
  },
  'podman-add-url-no-proxy': {
    title: 'podman/buildah 下载 ADD <url> 时没有代理',
    summary:
      '`ADD <url>` 由 podman/buildah 进程（或远程服务）自己下载，用的是它自己的代理变量，而不是 build args 或 RUN 的环境；buildah 1.38–1.41（podman 5.3–5.6）连这些变量也会忽略。',
    explanation: `在 podman 和 buildah 中，\`ADD <url>\` 不是 RUN 步骤：podman（或 buildah）进程用 Go 自己下载文件，使用**它自己**环境中的代理变量（shell 的，其次是 containers.conf 的 \`[engine] env\`）；\`podman --remote\` 和 podman machine 则是**服务端**的环境（machine 的 \`default-env.conf\`）。\`--build-arg HTTP_PROXY=…\`、\`--http-proxy\` 和 RUN 的环境都不起作用（podman 4.3.1 / buildah 1.28.2 实测）。按版本：buildah < 1.38（podman < 5.3）用 \`http.Get\`，遵循 \`ProxyFromEnvironment\`；buildah 1.38–1.41（podman 5.3–5.6）用的 \`http.Transport\` 没有 \`Proxy\`，总是直连（[containers/buildah#5869](https://github.com/containers/buildah/issues/5869)、[containers/podman#25220](https://github.com/containers/podman/issues/25220)）；buildah ≥ 1.42（podman ≥ 5.7）重新使用 \`http.ProxyFromEnvironment\`（[containers/buildah#6274](https://github.com/containers/buildah/pull/6274)）。`,
    fix: `给负责下载的进程设置与 URL 协议对应的代理：在 \`podman build\` / \`buildah bud\` 之前导出 \`HTTPS_PROXY\`（\`https://\` URL）和 \`HTTP_PROXY\`，或写进 containers.conf 的 \`[engine] env\`；podman machine 要在有代理的 shell 中重启（target \`podman-machine\`）。podman 5.3–5.6 / buildah 1.38–1.41 上任何设置都无效：升级到 podman 5.7 / buildah 1.42，或把 \`ADD <url>\` 换成 \`RUN curl -fLo …\`（RUN 会拿到构建的代理）。`,
  },
  'podman-compose-no-proxy': {
    title: 'podman-compose build 不传递代理',
    summary:
      '`podman-compose build` 构建时不会像 `podman build` 那样把代理传给 RUN 步骤；只有 compose 文件里写明的 build args 才会传入。',
    explanation: `在 shell 中导出 \`http_proxy\`/\`https_proxy\` 或在 Podman Desktop 中设置代理，都到不了 \`podman-compose build\` 的 RUN 步骤，而同一个 Dockerfile 用 \`podman build\` 可以构建（[containers/podman-compose#896](https://github.com/containers/podman-compose/issues/896)）。`,
    fix: `在 compose 文件（或不提交到版本库的 \`compose.override.yaml\`）的 \`build.args\` 中写入 \`HTTP_PROXY: \${HTTP_PROXY}\` 等，或先用 \`podman build\` 构建镜像。`,
  },
  'podman-engine-env-in-run': {
    title: 'containers.conf 的 [engine] env 会进入 RUN 步骤，并输给 shell',
    summary:
      '[engine] env 中的代理变量驱动 podman 的拉取，并且（虽然文档说不会进入容器）会进入构建的 RUN 步骤；shell 中设置的同名变量逐个优先。',
    explanation: `podman 只在 shell 没有设置某个变量时才用 [engine] env 设置它，构建又把进程环境里的代理变量传给 RUN。podman 4.3.1 实测：只有 [engine] env 时，拉取和 RUN 都用它；shell 也设置了某个变量时，该变量以 shell 为准。`,
    fix: `把代理放在一个地方。Linux 上的 podman 可以用 \`~/.config/containers/containers.conf\` 的 [engine] env（target \`containers-conf\`），同时去掉 shell 中过时的变量或使它们一致。`,
  },
};
