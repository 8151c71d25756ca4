// long because: the Chinese (zh-CN) template of every finding message, keyed by its typed id (ids.ts), for the
// docs site's zh-CN tools. Typed by the same ids as en.ts: a message without a zh-CN template does not compile.
// Values (paths, URLs, hosts, variables, commands) stay verbatim, as code; only the prose around them is Chinese.
import type { ProxyUrlProblem } from '../proxy/url.js';
import type { Templates } from './ref.js';
import { codes, joined, label, m, type Rich } from './rich.js';

const q = (s: string) => m`“${s}”`;
/** How to let a loopback-only proxy serve the docker bridge (analyze/run-proxy.ts rebindAdvice). */
const advice = (port: string, gateway: string): Rich =>
  m`cntlm：在 ${q(`Listen 127.0.0.1:${port}`)} 旁加上 ${q(`Listen ${gateway}:${port}`)}，再加 ${q('Allow <bridge subnet>')} 和 ${q('Deny 0/0')}（target ${'cntlm-relay'} 会写好这些；切勿使用 ${q('Gateway yes')}）；squid：${q(`http_port ${gateway}:${port}`)}，并用一条 ${q('acl')} 只允许网桥子网；px：${q(`--listen=127.0.0.1,${gateway} --allow=<bridge subnet>`)}；Clash/Mihomo：${q('allow-lan: true')} 加上 ${q(`bind-address: ${gateway}`)}；V2Ray/Xray：再加一个 ${q('listen')} 为 ${q(gateway)} 的 inbound`;

const LOOPBACK_ADVICE_ZH_CN: Record<string, Rich> = {
  bridge: m`RUN 步骤运行在 bridge 网络中，那里的 ${'127.0.0.1'} 是容器自己：让代理监听 docker0 的地址（例如 ${'http://172.17.0.1:3128'}），或用 ${'--network host'} 构建`,
  'builder-container': m`构建器容器有自己的回环地址：用 ${'--driver-opt network=host'} 重建它，或使用容器能访问的地址`,
  rootless: m`rootless Docker 屏蔽了主机的回环地址：设置 ${'DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false'}，并使用 ${'http://10.0.2.2:PORT'}`,
  vm: m`Docker Desktop 在虚拟机中运行守护进程：使用 ${'http://host.docker.internal:PORT'}，或在 Desktop 的设置中配置代理`,
  pod: m`在 pod 中 ${'127.0.0.1'} 是 pod 自己：请使用代理服务的地址`,
};

const bounded = (items: readonly Rich[], sep = '、'): Rich =>
  items.length <= 40
    ? joined(items, sep)
    : m`${joined(items.slice(0, 40), sep)}${[sep]}另外还有 ${String(items.length - 40)} 个（共 ${String(items.length)} 个）`;
const detail = (d: string | null): Rich => (d ? m`（${d}）` : []);
const FETCH_ZH_CN: Record<
  string,
  (v: { detail: string | null; ms: string; status: string; bytes: string }) => Rich
> = {
  timeout: (v) => m`它在 ${v.ms} 毫秒内没有应答：PAC 服务器常常只能在 VPN 或办公网络中访问`,
  status: (v) => m`它返回了 HTTP ${v.status}${detail(v.detail)}，而不是 PAC 文件`,
  'too-large': (v) => m`它超过了这里允许的 PAC 文件大小（${v.bytes} 字节），因此没有运行`,
  scheme: (v) => m`它不是 http(s) URL${detail(v.detail)}；buildproxy 只通过 http 和 https 获取 PAC 文件`,
  dns: (v) =>
    m`无法解析它的主机名${detail(v.detail)}：可能没有连接 VPN，或者这个 WPAD 名称只有办公网络的 DNS 认识`,
  refused: (v) => m`连接被拒绝${detail(v.detail)}`,
};

const DIAL_ZH_CN: Record<string, string> = {
  ok: '有应答',
  refused: '拒绝连接（该端口上没有程序在监听）',
  timeout: '没有应答（超时）',
  dns: '的主机名在本机无法解析',
  unreachable: '位于本机无法到达的网络',
  reset: '重置了连接',
  error: '无法连接',
};
const dialZh = (v: { proxy: string; result: string; detail: string | null; ms: string }): Rich =>
  m`${v.proxy} ${[DIAL_ZH_CN[v.result] ?? '无法连接']}${v.detail !== null ? m`（${v.detail}，${v.ms} 毫秒）` : []}`;
const EXPOSED_ZH_CN: Record<string, Rich> = {
  'config-json': m`会成为构建参数，在 ${'mode=max'} 时记录进 provenance，并且每个 RUN 步骤都能看到`,
  systemd: m`位于所有人可读的 drop-in 中（${'systemctl show docker'} 会打印它们）`,
  'buildkit-systemd': m`位于所有人可读的 drop-in 中`,
  builder: m`会被 ${'docker buildx inspect'} 原样打印出来`,
};

/** The typed problems of a proxy URL (proxy/url.ts ProxyUrlProblem codes), in Chinese. */
export const PROXY_PROBLEM_ZH_CN: Record<ProxyUrlProblem['code'], string> = {
  empty: '代理 URL 为空：填写 http://主机:端口',
  whitespace: '代理 URL 中有空白字符：删掉空格和换行',
  quoted: '代理 URL 带了引号：去掉引号',
  scheme: '代理 URL 的协议不对：使用 http://（socks5:// 只有 Go 程序认识）',
  'empty-host': '代理 URL 没有主机名（常见原因是变量没有展开）：填写代理的主机名或 IP',
  'bad-host': '代理主机名含有无效字符（IPv6 地址要写在方括号里）',
  'bad-port': '代理端口无效：使用 1 到 65535 之间的数字，例如 :3128',
  'credentials-unencoded': '密码或用户名中的特殊字符没有百分号编码（例如 @ 写成 %40）',
  'bad-escape': '代理 URL 中有无效的百分号编码：字面的 % 写成 %25',
  list: '这里只能填一个代理 URL，不能是列表',
  path: '代理 URL 不能带路径：只写 http://主机:端口',
};

const WHERE_ZH_CN: Record<string, Rich> = {
  client: m`主机的 CA 库`,
  runtime: m`主机的 CA 库或 ${'/etc/docker/certs.d'}`,
  builder: m`构建器的 CA 库或它的 buildkitd.toml 中的 ca`,
  run: m`镜像中的 CA 库`,
};

const cmds = (c: string[]): Rich => codes(c, ' 和 ');

export const MESSAGES_ZH_CN: Templates = {
  'proxy-unknown.none': () =>
    m`没有给出代理，shell、dockerd、构建器和 ${'~/.docker/config.json'} 中也都没有设置：无从判断构建是否需要代理。如果构建因超时失败，请运行 ${'buildproxy doctor --proxy http://HOST:PORT'}`,
  'env-proxy-in-image.env': (v) => m`${v.at} 用 ENV 设置了 ${v.name}：代理被保存进了镜像`,
  'proxy-arg-declared.arg': (v) => m`${v.at} 声明了 ARG ${v.name}：代理会进入构建缓存和镜像历史`,
  'https-proxy-scheme.tls': (v) =>
    m`${`${v.names}=${v.value}`} 让 Go 程序与代理本身建立 TLS 连接；除非代理支持 TLS，否则请使用 ${'http://'}`,
  'desktop-ignores-daemon-json.proxies': (v) => m`${v.path} 中有 "proxies"，而 Docker Desktop 会忽略它`,
  'daemon-json-unsupported.proxies': (v) =>
    m`${v.path} 中有 "proxies"，但 Docker Engine ${v.engine} 从 23.0 起才读取它；用这个文件 dockerd 将无法启动`,
  'client-token-proxy.unset': (v) =>
    m`你的 shell 中没有设置 HTTPS_PROXY，因此 buildx 直连获取镜像仓库令牌${v.desktop ? m`（Docker Desktop 不把它的代理传给 CLI 插件）` : []}；请执行 ${`export HTTPS_PROXY=${v.proxy}`}`,
  'daemon-unreachable.absent': () => m`没有安装 docker（PATH 中没有 docker CLI）：只检查了 shell 的环境变量`,
  'daemon-unreachable.timeout': () => m`dockerd 在探测超时内没有应答（守护进程卡住了？）`,
  'daemon-unreachable.down': (v) =>
    m`无法连接 dockerd：${v.error}${v.buildctl ? m`（${'buildctl build'} 不使用它）` : []}`,
  'run-proxy-missing.buildctl': (v) =>
    m`buildctl 只把它的 ${'--opt build-arg:'} 值传给 RUN 步骤（它从不读取 ${'~/.docker/config.json'}）：请加上 ${`--opt build-arg:HTTP_PROXY=${v.proxy} --opt build-arg:HTTPS_PROXY=${v.proxy}`}${v.mistakes.length ? m`；${codes(v.mistakes, '；')}` : []}`,
  'run-proxy-missing.config': (v, t) =>
    m`${v.path} 中没有 proxies：除非每次构建都传入 ${`--build-arg HTTP_PROXY=${v.proxy}`}，否则 RUN 步骤会直连${v.note ? m`（${t(v.note)}）` : []}`,
  'all-proxy-only.only': (v) =>
    m`${label(v.layer)} 只设置了 ${v.var}；${v.go ? m`Go 程序会忽略 ${'ALL_PROXY'}` : m`buildx 不会把 ${'allProxy'} 传给 RUN 步骤`}`,
  'build-args-only.buildctl': (v, t) =>
    m`buildctl 的 ${'--opt build-arg:'} 值让 RUN 步骤有了代理，但 ${t(v.builder)}（${cmds(v.commands)}）没有代理：FROM、${'# syntax='} 和推送都会直连；${v.fix ? t(v.fix) : []}`,
  'build-args-only.config': (v, t) =>
    m`${v.path} 让 RUN 步骤有了代理，但 ${t(v.builder)}（${cmds(v.commands)}）没有代理：FROM 和推送都会直连`,
  'builder-not-inherited.created': (v, t) =>
    m`dockerd 有 HTTPS_PROXY，但 ${t(v.builder)}（${cmds(v.commands)}）创建时没有带上它`,
  'builder-proxy-missing.none': (v, t) =>
    m`${t(v.builder)}（被 ${cmds(v.commands)} 使用）没有 HTTPS_PROXY；你需要 ${v.proxy}（来源：${label(String(v.source))}）${v.fix ? m`；${t(v.fix)}` : []}`,
  'config-file-invalid.parse': (v) => m`${v.at}：文件无法解析：${v.error}`,
  'daemon-json-flag-conflict.both': (v) =>
    m`ExecStart 中给 dockerd 传了 ${`--${v.key}`}，同时 ${v.path} 中也有 "${v.key}"：dockerd 会拒绝启动`,
  'daemon-json-overrides-env.overrides': (v) => m`${v.path} 设置了 ${v.set}，它覆盖了 ${v.at} 中的 ${v.env}`,
  'desktop-loopback-proxy.vm': (v) =>
    m`${'docker info'} 显示代理为 ${v.proxy}：Docker Desktop 的引擎在它的虚拟机内连接 ${'127.0.0.1'}，而不是你的电脑。${v.mirrored !== null ? m`WSL 运行在镜像（mirrored）网络模式下（${v.mirrored}），它把 Windows 的代理交给了引擎的虚拟机。` : []}`,
  'docker-build-vs-buildx-build.differ': (v, t) =>
    m`${v.good} 使用 ${t(v.goodBuilder)}，它有代理；${v.bad} 使用 ${t(v.badBuilder)}，它没有`,
  'file-unreadable.theirs': (v) =>
    m`${v.path} 是符号链接，或不属于 ${v.user}，因此没有读取：在 sudo 下，buildproxy 只读取 ${v.user} 主目录中属于他自己的文件，并且不跟随其中的任何链接；它的设置不在本报告中。请以 ${v.user} 身份运行 buildproxy 来读取它`,
  'file-unreadable.denied': (v) =>
    m`${v.path} 存在但无法读取（权限不足）；它的设置不在本报告中。请用 sudo 运行`,
  'file-unreadable.oversize': (v) =>
    m`${v.path} 大于 1 MiB，超出任何配置文件所需，因此没有读取；它的设置不在本报告中。请检查是什么写入了它`,
  'git-context-proxy.old': (v) =>
    m`${v.at} 获取 git 源，但构建器 "${v.builder}" 运行的 BuildKit ${v.version}（低于 0.19）中的 git 会忽略代理`,
  'https-proxy-missing.http-only': (v) =>
    m`${label(v.actor)}：有 ${v.var}，但没有 HTTPS_PROXY，因此 ${'https://'} 的镜像仓库请求会直连`,
  'ignored-config-file.export': (v) =>
    m`docker unit 读取 ${v.path}，但其中的 ${'export'} 行（${codes(v.names, '、')}）会被 systemd 忽略`,
  'ignored-config-file.unread': (v) =>
    m`${v.path} 设置了 ${codes(v.names, '、')}，但 docker unit 不读取这个文件`,
  'lima-system-proxy.system': (v) =>
    m`${v.colima ? m`Colima` : m`Lima`} 虚拟机中的 dockerd 使用 ${codes(v.vars, '、')}，它既不是当前 shell 设置的，也不来自 Lima 的文件：Lima 从 Mac 的网络设置（${'scutil --proxy'}）中取得了它。如果这个代理不对，请在“系统设置 > 网络 > 代理”中修正，或在 ${'~/.lima/_config/override.yaml'} 的 env 中设置代理（在那里设为空值可以挡住系统代理），然后重启虚拟机`,
  'loopback-proxy-unreachable.uses': (v) =>
    m`${label(v.actor)} 使用 ${v.proxy}（${label(v.from)}）；${LOOPBACK_ADVICE_ZH_CN[v.netns] ?? m`在那里 ${'127.0.0.1'} 不是本机`}${v.port !== null ? m`。代理只监听 ${`127.0.0.1:${v.port}`}，因此在它同时监听网桥网关（并只允许网桥子网）之前，任何容器都无法通过任何地址访问它：${advice(v.port, v.gateway)}` : []}`,
  'no-proxy-direct-only.direct': (v) =>
    m`${label(v.actor)}：${codes(v.hosts, '、')} 可以直连，但 ${v.proxy} 无法访问它们（${codes(v.results, '、')}）：请把它们加入 NO_PROXY（${'--registry'} 或 ${'--no-proxy'}）`,
  'no-proxy-missing-registry.through': (v) =>
    m`${label(v.actor)}：${v.registry} 不匹配 ${`NO_PROXY=${v.noProxy || '(empty)'}`}，因此会经由代理获取`,
  'no-proxy-syntax.problems': (v, t) => m`${v.names}：${joined(v.problems.map(t), '；')}`,
  'no-proxy.quoted': () => m`整个值被引号包住，引号会成为第一项和最后一项的一部分`,
  'no-proxy.semicolon': () => m`“${';'}”不是分隔符：Go 只按逗号分隔`,
  'no-proxy.space': (v) => m`“${v.entry}”中含有空格：Go 只按逗号分隔，因此这是一个永远不会匹配的条目`,
  'no-proxy.scheme': (v) => m`“${v.entry}”带有协议：条目应该是主机名、IP 或 CIDR`,
  'no-proxy.cidr': (v) => m`“${v.entry}”不是有效的 CIDR 或主机名`,
  'no-proxy.wildcard': (v) =>
    m`“${v.entry}”使用了 Go 不会展开的通配符；请写成 CIDR（${'10.0.0.0/8'}）或域名后缀（${'.corp'}）`,
  'no-proxy.curl-wildcard': (v) => m`“${v.entry}”：RUN 步骤中的 curl 不展开“${'*.'}”；请写成“${v.fixed}”`,
  'no-proxy.curl-port': (v) => m`“${v.entry}”：RUN 步骤中的 curl 会忽略带端口的条目；请只写主机名`,
  'pac-unusable.failed': (v, t) =>
    m`PAC 文件 ${v.url}（来源：${label(v.source)}）没有被使用：${v.failure ? t(v.failure) : m`null`}`,
  'pac-unusable.answers': (v, t) =>
    m`PAC 文件 ${v.url}（来源：${label(v.source)}）没有给出可用的答复：${bounded(
      v.hosts.map((h) => m`对 ${h.host}，它${h.problem ? t(h.problem) : m`null`}`),
      '；',
    )}`,
  'pac-proxy-not-used.direct': (v) =>
    m`PAC 文件（${label(v.source)}）对 ${bounded(v.hosts.map((h) => m`${h}`))} 的答复是“${v.answer}”，但 ${label(v.actor)} 会直连：它无法读取 PAC 文件。请给它 ${`HTTPS_PROXY=${v.proxy}`} 和 ${`HTTP_PROXY=${v.proxy}`}`,
  'pac-static-proxy.static': (v, t) =>
    m`PAC 文件 ${v.url}（来源：${label(v.source)}）的答复：${joined(
      v.says.map((s) => m`对 ${bounded(s.hosts.map((h) => m`${h}`))} 是“${s.answer}”`),
      '；',
    )}。Go 工具无法读取 PAC 文件；等效的静态设置是 ${
      v.proxy
        ? m`${`HTTPS_PROXY=${v.proxy} HTTP_PROXY=${v.proxy}`}${v.noProxy.length ? m` ${`NO_PROXY=${v.noProxy.join(',')}`}` : []}`
        : m`完全不用代理：这些主机都直连`
    }。${
      v.other.length
        ? m`它把 ${joined(
            v.other.map((o) => m`${o.host} 经由 ${o.proxy}`),
            '、',
          )} 发送：一个静态代理做不到这一点，请给这些主机的工具单独设置。`
        : []
    }${v.unusable.length ? m`Go 不能使用 SOCKS4，而它是 ${codes(v.unusable, '、')} 的首选。` : []}${v.notes.length ? m`注意：${joined(v.notes.map(t), '；')}。` : []}`,
  'pac.error': (v) => m`${v.error}`,
  'pac.fetch': (v) => (FETCH_ZH_CN[v.result] ?? ((x) => m`获取失败${detail(x.detail)}`))(v),
  'pac.not-an-answer': (v) => m`返回了 ${v.answer}，这不是 PAC 答复（${'"PROXY host:port"'}、${'"DIRECT"'}）`,
  'pac.fallback-direct': (v) =>
    m`“${v.answer}”的意思是：先直连，失败时才用代理。Go 工具从不回退，因此静态设置按 DIRECT 处理；如果你构建的地方禁止直连，请让这些主机改用代理`,
  'pac.fallback-first': (v) =>
    m`“${v.answer}”列出了浏览器依次尝试的备选项；Go 工具从不回退，因此静态设置只用第一项`,
  'podman-add-url-no-proxy.ignores': (v, t) =>
    m`Dockerfile 第 ${v.line} 行 ADD 了 ${v.url}：${t(v.who)}（内含 buildah 1.38–1.41）对 ${'ADD <url>'} 会忽略代理，直接连接 ${v.host}；请升级到 podman ≥ 5.7 / buildah ≥ 1.42，或改在 RUN 步骤中下载`,
  'podman-add-url-no-proxy.none': (v, t) =>
    m`Dockerfile 第 ${v.line} 行 ADD 了 ${v.url}：${t(v.who)} 自己下载它，但对 ${v.host} 没有${v.invalid ? m`可用的 ` : m` `}${v.name}（构建参数和 RUN 的环境变量都不起作用）；请在${v.remote ? m`虚拟机中设置（从带代理的 shell 重启它）` : m` podman 的环境变量或 ${'containers.conf'} 的 ${'[engine] env'} 中设置`}`,
  'podman.buildah': (v) => m`buildah ${v.version}`,
  'podman.service': (v) => m`podman 服务${v.machine !== null ? m`（在虚拟机 ${v.machine} 中）` : []}`,
  'podman.podman': (v) => m`podman ${v.version}`,
  'podman-compose-no-proxy.compose': () =>
    m`podman-compose 不会把代理变量传给 RUN 步骤（${'podman build'} 会）；请在 compose 文件中把它们设为构建参数`,
  'podman-engine-env-in-run.env': (v) => {
    const parts: Rich[] = [];
    if (v.used.length)
      parts.push(
        m`${'[engine] env'} 中的 ${codes(v.used, '、')}${v.remote ? m`设置了服务的环境` : m`就是 podman 拉取镜像时使用、构建的 RUN 步骤得到的值`}`,
      );
    if (v.shell.length)
      parts.push(
        m`shell 中的 ${codes(v.shell, '、')} 优先于 ${'[engine] env'} 中的 ${codes(v.engine, '、')}`,
      );
    return m`${v.at}：${joined(parts, '；')}`;
  },
  'podman-machine-proxy-stale.stale': (v, t) =>
    m`虚拟机 ${v.name} 仍保留着它${v.since !== null ? m`自 ${v.since} 启动以来` : []}得到的代理：${joined(v.vars.map(t), '；')}。请从当前 shell 重启它：${`podman machine stop ${v.name}; podman machine start ${v.name}`}`,
  'podman-machine-proxy-stale.var': (v) =>
    m`${v.name}：虚拟机中是 ${v.vm !== null ? m`${v.vm}` : m`（无）`}，当前 shell 中是 ${v.shell}${v.would !== null ? m`（它将得到 ${v.would}）` : []}`,
  'podman-remote-run-no-proxy.remote': (v) =>
    m`podman ${v.version} 是远程客户端${v.machine !== null ? m`（虚拟机 ${v.machine}）` : []}：在这里 ${'podman build'} 默认 ${'--http-proxy=false'}，因此 RUN 步骤得不到代理${v.service ? m`，尽管服务本身有代理` : []}；请传入 ${'--http-proxy=true'}，或使用 podman ≥ 4.4`,
  'podman-http-proxy-ignored.passed': (v) =>
    m`${v.at}：${'http_proxy = false'}，但 ${'podman build'} 和 ${'buildah bud'} 仍然把 ${codes(v.names, '、')}（来自 ${joined(v.from.map(label), '、')}）传进 RUN 步骤；只有 ${'podman run'} 遵守它`,
  'podman-machine-loopback-proxy.loopback': (v) =>
    m`虚拟机 ${v.name}：${codes(v.vars, '、')}（${label(v.from)}）；在虚拟机内 ${'127.0.0.1'} 是虚拟机自己：请使用 ${'host.containers.internal'}`,
  'proxy-auth-required.407': (v) => {
    const head = m`${label(v.actor)}：${v.proxy} 对 CONNECT ${v.host} 返回 407（提供的认证方案：${v.schemes.length ? codes(v.schemes, '、') : m`未列出`}）`;
    const tail = {
      rejected: m`它拒绝了 URL 中的用户名和密码：请检查它们，并对其中的 ${'@ : % # /'} 做百分号编码`,
      basic: m`把 ${'user:password'}（百分号编码后）写进代理 URL，例如 ${'http://USER:PASS@host:port'}`,
      'go-cannot': m`Go 的 HTTP 客户端只会发送 Basic 凭据，因此这个参与者永远无法通过认证：请运行本地 cntlm 中继（target ${'cntlm-relay'}），并让各参与者指向它`,
      none: m`没有提供这个参与者能用的认证方案`,
    }[v.advice];
    return m`${head}；${tail}`;
  },
  'proxy-case-mismatch.differ': (v) => m`${label(v.layer)}：${v.upper}，但 ${v.lower}`,
  'proxy-credentials-exposed.where': (v) =>
    m`${v.name}（${label(v.layer)}）中的凭据${EXPOSED_ZH_CN[v.where] ?? m`${v.where}`}`,
  'proxy-forbids-host.refuses': (v) =>
    m`${label(v.actor)}：${v.proxy} 拒绝 CONNECT 到 ${joined(
      v.hosts.map((h) => m`${h.host}（${h.status}${h.product !== null ? m`，来自 ${h.product}` : []}）`),
      '、',
    )}`,
  'proxy-network-bypass.toml': (v) => m`${v.path} 启用了 BuildKit 的代理网络，它会取代每个 RUN 步骤的代理`,
  'proxy-unreachable.given': (v) => m`你给出的代理 ${dialZh(v)}`,
  'proxy-unreachable.uses': (v) => m`${label(v.actor)} 使用的代理 ${dialZh(v)}`,
  'proxy-url-invalid.invalid': (v) =>
    m`${v.var}：${[v.code === 'mangled' ? 'Go 读到的值与它字面上写的不同：请对特殊字符做百分号编码' : (PROXY_PROBLEM_ZH_CN[v.code as ProxyUrlProblem['code']] ?? v.code)]}。${v.go === 'rejects' ? m`Go 会拒绝它并直连。` : v.go === 'mangled' ? m`Go 无法解析它，会连接 ${String(v.dial)} 而不是代理。` : []}`,
  'builder-config-stale.daemon-json': (v) =>
    m`${v.path} 设置了 ${codes(v.file, '、')}，但正在运行的 dockerd 报告的是 ${codes(v.running, '、')}（${'docker info'}）：daemon.json 在 dockerd 启动之后被修改过；请重启 dockerd（${v.restart}）`,
  'builder-config-stale.reload': (v) =>
    m`drop-in 文件中 ${v.names.length ? codes(v.names, '、') : m`${'EnvironmentFile='}`} 的设置与 systemd 已加载的不同：请运行 ${`${v.sysctl} daemon-reload`}，然后重启 docker`,
  'builder-config-stale.started-before': (v) =>
    m`dockerd（pid ${v.pid}）在代理修改之前就已启动（${codes(v.names, '、')} 不同）：请用 ${v.restart} 重启它`,
  'builder-config-stale.not-from-drop-ins': (v) =>
    m`dockerd（pid ${v.pid}）运行时的 ${codes(v.names, '、')} 与 drop-in 中的不同：它在 drop-in 修改之前启动，或者不是由它们启动的；请重启它`,
  'builder-config-stale.builder': (v) =>
    m`构建器 "${v.name}"：它的容器运行时的 ${codes(v.names, '、')} 与驱动选项（${codes(v.opts, '、')}）不同：请重建它`,
  'colima-loopback-proxy.vm': (v) =>
    m`colima ${v.profile}：虚拟机的 daemon.json 中有 ${codes(v.vars, '、')}；虚拟机中的 dockerd 连接的是它自己。请使用主机网关（${'host.lima.internal'} / ${'192.168.5.2'}），或使用 colima ≥ 0.7.6`,
  'colima-loopback-proxy.info': (v) =>
    m`colima ${v.profile}：${'docker info'} 显示 ${codes(v.vars, '、')}；虚拟机中的 dockerd 连接的是它自己。请使用主机网关（${'host.lima.internal'} / ${'192.168.5.2'}），或使用 colima ≥ 0.7.6`,
  'colima-loopback-proxy.verbatim': (v) =>
    m`colima ${v.profile}：${codes(v.vars, '、')}（${label(v.from)}）在这个版本的 colima 中会原样写进虚拟机的 daemon.json；请使用主机网关，或使用 colima ≥ 0.7.6`,
  'sudo-env-reset.unknown': (v) =>
    m`buildproxy 通过 sudo 以 root 运行，分析了 ${v.user} 的 ${'~/.docker'} 和构建器，但无法读取 ${v.user} 的 shell 环境变量，而 sudo 的 env_reset 会丢掉代理变量：客户端和 RUN 步骤是按 sudo 传下来的环境检查的。要分析 ${v.user} 自己的变量，请运行 ${codes(v.fallback, ' 或 ')}`,
  'sudo-env-reset.dropped': (v) =>
    m`sudo 的 env_reset 从 ${v.user} 的环境中丢掉了 ${codes(v.names, '、')}。buildproxy 从 sudo 进程中读到了它们，并据此分析了 ${v.user} 的客户端，但在 sudo 下运行的一切（${'sudo docker build'}、${'sudo buildproxy apply'}）都得不到它们。请用 ${`sudo --preserve-env=${v.preserve}`}、${'sudo -E'}，或在 ${'/etc/sudoers.d/'} 中写 ${v.keep} 保留它们`,
  'systemd-percent-escape.dropped': (v) =>
    m`${v.path} 第 ${codes(v.lines, '、')} 行：${codes(v.specs, '、')} 不是 systemd 说明符，因此 systemd 会忽略整行；字面的 ${'%'} 要写成 ${'%%'}`,
  'systemd-percent-escape.replaced': (v) =>
    m`${v.path} 第 ${codes(v.lines, '、')} 行：systemd 会把 ${codes(v.specs, '、')} 替换成它自己的值；字面的 ${'%'} 要写成 ${'%%'}`,
  'tls-inspection-ca.host': (v) =>
    m`不确定主机的 CA 库中是否有 ${v.ca}：客户端获取令牌${v.dockerd ? m`、dockerd` : []}${v.buildkitd ? m`和 buildkitd` : []}都依据它做校验`,
  'tls-inspection-ca.builder': (v) =>
    m`构建器 "${v.name}"（${v.driver}）创建时没有列出 ${v.ca} 的 buildkitd.toml：它的镜像只信任公共根证书`,
  'tls-inspection-ca.buildkitd': (v) =>
    m`buildkitd 既不信任主机的 CA 库，也没有列出 ${v.ca} 的 buildkitd.toml ca 条目`,
  'tls-inspection-ca.run': (v) =>
    m`RUN 步骤只信任镜像中的 CA：请在 Dockerfile 中加入 ${v.ca}（COPY 加 ${'update-ca-certificates'}，或用 secret 挂载；plan 的 target ${'ca-trust'} 会给出两种写法）`,
  'tls-inspection-untrusted.untrusted': (v) =>
    m`${label(v.actor)}：${v.host} 的证书由 “${v.issuer ?? m`未知签发者`}” 签发（${v.error ?? m`不是公共根证书`}），而${WHERE_ZH_CN[v.where] ?? m`${v.where}`}${v.known ? m`中没有它` : m`中可能没有它（doctor 无法查看那里）`}；请用 ${'--save-ca FILE'} 保存它，并用 ${'--ca-cert FILE'} 生成方案`,
  'wsl-nat-loopback-proxy.nat': (v) =>
    m`${label(v.setting)} 是 ${v.url}，位于 Windows 的回环地址上；在 NAT 模式下（${v.mode}），${v.distro ?? m`当前发行版`} 中的 ${'127.0.0.1'} 是发行版自己，因此其中的 dockerd 无法访问那个代理`,
  'wsl-autoproxy-https-missing.http-only': (v) =>
    m`WSL autoProxy 根据 PAC 文件 ${v.pac} 设置了 HTTP_PROXY，却让 HTTPS_PROXY 为空：当前 shell 发出的 HTTPS 请求会直连`,
  'syntax-frontend-pull.pull': (v, t) =>
    m`${v.at} 要拉取前端镜像 ${v.image}，但 ${joined(v.builders.map(t), ' 和 ')} 没有代理`,
  'systemd-environment-quoting.quoted': (v) =>
    m`${v.at}：一个带引号的字符串只设置了 ${v.variable}；${codes(v.swallowed, '、')} 都成了它的值的一部分`,
  'systemd-environment-quoting.split': (v) =>
    m`${v.at}：“${v.word}”不是 NAME=value 形式，因此 systemd 会丢弃它（值中未加引号的空格把它拆开了）`,
  'report.rule-failed': (v) => m`规则运行失败：${v.error}`,
  'builder.named': (v) => m`构建器 "${v.name}"（${v.driver} 驱动）`,
  'builder.buildkitd': (v) => m`${v.name}`,
  'buildkitd.fix': ({ pid, user, how }) => {
    const u = user ? ' --user' : '';
    const verify = pid
      ? m`用 ${`tr '\\0' '\\n' < /proc/${pid}/environ | grep -i proxy`} 验证（重启之后要用新的 pid）`
      : m`用 buildkitd 的 ${'/proc/PID/environ'} 验证`;
    const fix =
      how === 'kube'
        ? m`在 buildkitd Deployment 的 env 中设置 ${'HTTPS_PROXY'}/${'HTTP_PROXY'}/${'NO_PROXY'}（target ${'kubernetes'}）`
        : how === 'systemd'
          ? m`为 buildkit.service 写一个 drop-in（target ${'buildkitd-systemd'}），再运行 ${`systemctl${u} daemon-reload && systemctl${u} restart buildkit`}；${verify}，或用 ${`systemctl${u} show buildkit -p Environment`}`
          : m`带着环境中的代理重启它：${'HTTPS_PROXY=… HTTP_PROXY=… NO_PROXY=… buildkitd …'}，或用环境文件（target ${'build-command'}）；${verify}`;
    return m`给 buildkitd 代理：${fix}。${'buildctl debug workers --verbose'} 不显示环境变量，什么也证明不了`;
  },
  'run-proxy.note': (v, t) => m`${t(v.why)}${v.rebind ? m`；${t(v.rebind)}` : []}`,
  'run-proxy.rebind': ({ port, gateway }) =>
    m`代理只监听 ${`127.0.0.1:${port}`}，请让它同时监听网桥网关 ${gateway}，并只允许网桥的子网访问（${advice(port, gateway)}）`,
  'run-proxy.desktop': () => m`Docker Desktop 把 ${'host.docker.internal'} 解析为本机`,
  'run-proxy.rootless': () =>
    m`rootless Docker 通过 ${'10.0.2.2'} 访问主机（${'DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false'}）`,
  'run-proxy.listens': (v) => m`代理监听在 ${v.address}，构建容器能访问这个地址`,
  'run-proxy.bridge': (v) => m`构建容器通过 dockerd 的网桥地址 ${v.bridge} 访问本机`,
  'run-proxy.docker0': () =>
    m`构建容器通过 docker0 的地址访问本机（除非 dockerd 以 ${'--bip'} 或 ${'--bridge'} 运行，否则是 ${'172.17.0.1'}）`,
};
