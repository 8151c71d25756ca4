// The Chinese (zh-CN) titles of every rule's two example machines, keyed by rule id, beside the rule texts in
// texts-zh-cn.ts (kept apart so a new rule's texts and its example titles are reviewed together but edited
// without conflicts). The docs render /zh-cn/rules/<id>/ headings from them; a test checks every rule has both.

export interface ExampleTitlesZhCn {
  /** the machine that triggers the rule */
  bad: string;
  /** the machine that does not */
  good: string;
}

export const RULE_EXAMPLE_TITLES_ZH_CN: Record<string, ExampleTitlesZhCn> = {
  'daemon-unreachable': { bad: 'dockerd 已停止', good: 'dockerd 有应答' },
  'proxy-unreachable': { bad: '每个参与者都指向一个无人监听的代理端口', good: '代理有应答' },
  'proxy-auth-required': { bad: '只接受 NTLM 的代理', good: '代理放行各参与者' },
  'proxy-forbids-host': { bad: 'squid 拒绝到 blob CDN 的 CONNECT', good: '需要的主机都被放行' },
  'tls-inspection-untrusted': {
    bad: '有 TLS 检查，主机信任其 CA，docker-container 构建器不信任',
    good: '没有 TLS 检查',
  },
  'no-proxy-direct-only': {
    bad: '`registry.corp.example:5000` 可直连，代理却返回 502',
    good: '需要的主机都能经过代理',
  },
  'config-file-invalid': { bad: '`daemon.json` 中多了一个结尾逗号', good: '合法的 JSON' },
  'file-unreadable': { bad: '凭据文件权限为 0600，doctor 以普通用户运行', good: '以 root 运行' },
  'builder-proxy-missing': { bad: 'shell 有代理，dockerd 没有', good: '一个 drop-in 把代理交给 dockerd' },
  'build-args-only': {
    bad: '`config.json` 中有 proxies，但 dockerd 没有 drop-in',
    good: '构建器和 RUN 步骤都有代理',
  },
  'builder-not-inherited': {
    bad: '构建器创建于配置代理之前',
    good: '构建器创建时带有 `env.*` 驱动选项',
  },
  'builder-config-stale': {
    bad: '新的 drop-in，但没有 `daemon-reload`',
    good: '文件、systemd 与 dockerd 一致',
  },
  'daemon-json-unsupported': {
    bad: 'Debian 12 的 docker.io（20.10）加上 `daemon.json` 中的 proxies',
    good: 'Engine 26 读取 `daemon.json` 中的 proxies',
  },
  'daemon-json-overrides-env': { bad: '两处都设置了，代理不同', good: '只有 `daemon.json` 设置了代理' },
  'daemon-json-flag-conflict': {
    bad: '`ExecStart` 带 `--http-proxy`，`daemon.json` 又有 `http-proxy`',
    good: '只有 `daemon.json`',
  },
  'desktop-ignores-daemon-json': {
    bad: 'Docker Desktop 上 `daemon.json` 中的 proxies',
    good: '代理在 Docker Desktop 设置中配置',
  },
  'desktop-loopback-proxy': {
    bad: 'Windows 系统代理 `127.0.0.1:10809` 被导入虚拟机',
    good: '`docker info` 中是 Desktop 的内部代理',
  },
  'wsl-autoproxy-https-missing': {
    bad: '只有 PAC 的 Windows 代理，WSL 2.9.3',
    good: 'shell 也导出了 `HTTPS_PROXY`',
  },
  'wsl-nat-loopback-proxy': {
    bad: 'Windows 代理 `127.0.0.1:7890`，NAT 模式，dockerd 在发行版中',
    good: '镜像（mirrored）模式：发行版与 Windows 共用回环地址',
  },
  'ignored-config-file': { bad: 'docker-ce 上 `/etc/default/docker` 中的 `export` 行', good: '改用 drop-in' },
  'syntax-frontend-pull': { bad: '`# syntax=` 遇上没有代理的构建器', good: '构建器有代理' },
  'client-token-proxy': { bad: 'dockerd 有代理，shell 没有', good: 'shell 导出了代理' },
  'run-proxy-missing': { bad: '`config.json` 中没有 proxies', good: '`config.json` 中有 `proxies.default`' },
  'loopback-proxy-unreachable': {
    bad: 'RUN 步骤使用 `127.0.0.1` 上的本地 cntlm',
    good: '按名称使用公司代理',
  },
  'env-proxy-in-image': {
    bad: 'Dockerfile 中的 `ENV http_proxy`',
    good: '没有 `ENV`；由 `config.json` 提供构建参数',
  },
  'proxy-arg-declared': { bad: 'Dockerfile 声明了 `ARG HTTP_PROXY`', good: '不需要 `ARG`' },
  'proxy-credentials-exposed': { bad: '`config.json` proxies 中的密码', good: '代理 URL 中没有凭据' },
  'https-proxy-missing': { bad: 'drop-in 中只有 `HTTP_PROXY`', good: '两个变量都有' },
  'https-proxy-scheme': {
    bad: '`HTTPS_PROXY` 使用 `https://…` 地址（`HTTPS_PROXY=https://…`）',
    good: '两者都用 `http://`',
  },
  'proxy-url-invalid': { bad: '密码中有未编码的 `#`', good: '编码为 `%23`（systemd 中再写成 `%%`）' },
  'systemd-percent-escape': { bad: 'drop-in 中的 `p%40ss`', good: 'drop-in 中的 `p%%40ss`' },
  'systemd-environment-quoting': { bad: '一个带引号的字符串里有两个变量', good: '每行一个带引号的赋值' },
  'no-proxy-missing-registry': {
    bad: '`registry.internal:5000` 没有被覆盖',
    good: '`registry.corp.example:5000` 匹配 `.corp.example`',
  },
  'no-proxy-syntax': { bad: '用空格分隔的列表', good: '用逗号分隔' },
  'proxy-case-mismatch': { bad: '`no_proxy` 落后于 `NO_PROXY`', good: '大小写两种完全相同' },
  'all-proxy-only': { bad: '只在 `ALL_PROXY` 中有一个 SOCKS 代理', good: '设置了 `HTTPS_PROXY`' },
  'tls-inspection-ca': { bad: '给出了 CA，但 docker-container 构建器没有 `ca` 条目', good: '没有 TLS 检查' },
  'docker-build-vs-buildx-build': {
    bad: '`buildx use` 选中了一个没有代理的构建器',
    good: '`BUILDX_BUILDER` 让两个命令都使用有代理的构建器',
  },
  'git-context-proxy': {
    bad: 'Engine 26（BuildKit 0.13）上从 git 执行 `ADD`',
    good: 'Engine 28（BuildKit 0.20）上的同一构建',
  },
  'proxy-network-bypass': { bad: '构建器配置中 `proxyNetwork = true`', good: '默认网络' },
  'proxy-unknown': { bad: '任何一层都没有代理，也没有给出', good: '代理已配置（或用 `--proxy` 给出）' },
  'sudo-env-reset': {
    bad: 'alice 的 shell 中有 `HTTPS_PROXY`，sudo 把它清掉了',
    good: '以 alice 本人运行（或用 `sudo -E`）',
  },
  'podman-machine-loopback-proxy': {
    bad: 'podman 4.0：shell 的代理被原样复制（containers/podman#14087）',
    good: 'podman ≥ 4.6 把它改写为 `host.containers.internal`',
  },
  'colima-loopback-proxy': {
    bad: 'colima 0.7.5 与 `127.0.0.1:9000` 上的代理（abiosoft/colima#1144）',
    good: 'colima 0.8.1 把它改写为主机网关',
  },
  'podman-remote-run-no-proxy': {
    bad: 'macOS 上的 podman 4.3.1 客户端，machine 有代理',
    good: 'podman 4.4 客户端：RUN 得到服务端的代理',
  },
  'podman-http-proxy-ignored': {
    bad: '用户 `containers.conf` 中 `http_proxy = false`，shell 导出了代理',
    good: '没有 `http_proxy` 设置：RUN 步骤按预期得到代理',
  },
  'podman-add-url-no-proxy': {
    bad: 'ADD https://… 时只设置了 HTTP_PROXY',
    good: 'ADD https://… 时设置了 HTTPS_PROXY',
  },
  'podman-compose-no-proxy': { bad: '用 podman-compose 构建', good: '用 `podman build` 构建' },
  'podman-engine-env-in-run': {
    bad: '`[engine] env` 里有代理；shell 设置了另一个 `http_proxy`',
    good: '代理只在 shell 中',
  },
  'podman-machine-proxy-stale': {
    bad: 'machine 在设置代理之前就已启动（containers/podman#22898）',
    good: 'machine 是从这个 shell 启动的',
  },
  'lima-system-proxy': {
    bad: '遗留在网络设置中的代理进入了虚拟机（abiosoft/colima#610）',
    good: '没有系统代理，虚拟机中也没有',
  },
  'pac-proxy-not-used': {
    bad: '只有 PAC 的系统代理，其他什么都没配置',
    good: '每个参与者都有 PAC 文件给出的代理',
  },
  'pac-unusable': { bad: 'PAC 服务器只能在 VPN 上访问', good: 'PAC 文件对每个主机都有应答' },
  'pac-static-proxy': { bad: '公司的 PAC 文件', good: '没有 PAC 文件' },
};
