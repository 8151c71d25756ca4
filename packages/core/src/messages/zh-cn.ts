// long because: the Chinese (zh-CN) template of every finding message, keyed by its typed id (ids.ts), for the
// docs site's zh-CN tools. Typed by the same ids as en.ts: a message without a zh-CN template does not compile.
// Values (paths, URLs, hosts, variables, commands) stay verbatim, as code; only the prose around them is Chinese.
import type { Templates } from './ref.js';
import { codes, m } from './rich.js';

const q = (s: string) => m`“${s}”`;

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
  'run-proxy.note': (v, t) => m`${t(v.why)}${v.rebind ? m`；${t(v.rebind)}` : []}`,
  'run-proxy.rebind': ({ port, gateway }) =>
    m`代理只监听 ${`127.0.0.1:${port}`}，请让它同时监听网桥网关 ${gateway}，并只允许网桥的子网访问（cntlm：在 ${q(`Listen 127.0.0.1:${port}`)} 旁加上 ${q(`Listen ${gateway}:${port}`)}，再加 ${q('Allow <bridge subnet>')} 和 ${q('Deny 0/0')}（target ${'cntlm-relay'} 会写好这些；切勿使用 ${q('Gateway yes')}）；squid：${q(`http_port ${gateway}:${port}`)}，并用一条 ${q('acl')} 只允许网桥子网；px：${q(`--listen=127.0.0.1,${gateway} --allow=<bridge subnet>`)}；Clash/Mihomo：${q('allow-lan: true')} 加上 ${q(`bind-address: ${gateway}`)}；V2Ray/Xray：再加一个 ${q('listen')} 为 ${q(gateway)} 的 inbound）`,
  'run-proxy.desktop': () => m`Docker Desktop 把 ${'host.docker.internal'} 解析为本机`,
  'run-proxy.rootless': () =>
    m`rootless Docker 通过 ${'10.0.2.2'} 访问主机（${'DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false'}）`,
  'run-proxy.listens': (v) => m`代理监听在 ${v.address}，构建容器能访问这个地址`,
  'run-proxy.bridge': (v) => m`构建容器通过 dockerd 的网桥地址 ${v.bridge} 访问本机`,
  'run-proxy.docker0': () =>
    m`构建容器通过 docker0 的地址访问本机（除非 dockerd 以 ${'--bip'} 或 ${'--bridge'} 运行，否则是 ${'172.17.0.1'}）`,
};
