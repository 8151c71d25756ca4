// The zh-CN headings of the causes `why` knows (the docs' zh-CN troubleshooting page). Typed by CauseId, so a new
// cause cannot ship without its translation.
import type { CauseId } from './vocabulary.js';

export const CAUSE_TITLES_ZH_CN: Record<CauseId, string> = {
  'pac-rejected': 'Docker Desktop 无法执行 PAC 文件',
  'pac-socks-disabled': 'PAC 文件选了 SOCKS 代理，而 Docker Desktop 的设置不允许',
  'rootless-host-loopback': 'Rootless dockerd 访问不到宿主机的回环地址',
  'double-scheme': '代理 URL 的协议写了两次（或带了引号）',
  'proxy-url-empty': '代理 URL 没有主机名',
  'proxy-url-no-scheme': '代理地址缺少协议（没写 http://）',
  'proxy-tls-mismatch': '对纯 HTTP 代理说了 TLS（代理 URL 写成了 https://）',
  'proxy-unreachable': '用了代理，但连不上代理',
  'proxy-auth': '代理要求身份认证',
  'proxy-refused': '代理按策略拒绝了连接',
  'tls-inspection': 'TLS 检查代理重新签发了证书',
  'registry-auth': '镜像仓库拒绝了凭据（与代理无关）',
  'buildkitd-unreachable': 'buildkitd 的套接字没有应答（与代理无关）',
  'client-certificate': '镜像仓库要求客户端证书（与代理无关）',
  'daemon-down': 'docker CLI 连不上 dockerd',
  'driver-opt-env-unsupported': '这个版本的 buildx 不能把 env.* 传给该驱动',
  'host-gateway-unsupported': '这个构建器无法把 host-gateway 换成地址',
  'build-arg-flag': '这条构建命令不接受这种 --build-arg 写法',
  'driver-opt-csv': '--driver-opt 里的逗号把值拆开了',
  'systemd-specifier': 'systemd drop-in 里的 % 让代理那一行失效了',
  'daemon-json-unknown': '这个 dockerd 不认识 daemon.json 里的代理键',
  'daemon-flag-conflict': '同一个代理既是 dockerd 参数又是 daemon.json 的键',
  'socks-unsupported': 'SOCKS 代理交给了只会用 HTTP 代理的工具',
  'client-config-proxies': 'config.json 的 "proxies" 需要按守护进程分组（"default"）',
  direct: '请求没有走代理，直接连了目标',
  timeout: '超时无应答，或连接被切断',
};
