// What each plan target changes, in words a reader picks a target by (the snippet generator's choices), in English
// and Chinese. Typed by Target: a new target without both labels does not compile. Apart from targets.ts so that
// the CLI, which names targets by id only, does not load the prose.
import type { Target } from './targets.js';

export type TargetLabelLang = 'en' | 'zh-CN';

export const TARGET_LABELS: { readonly [T in Target]: Readonly<Record<TargetLabelLang, string>> } = {
  'docker-systemd': {
    en: 'dockerd under systemd (a drop-in for docker.service)',
    'zh-CN': 'systemd 管理的 dockerd（docker.service 的 drop-in）',
  },
  'docker-systemd-rootless': {
    en: 'rootless dockerd (a user unit drop-in)',
    'zh-CN': 'rootless dockerd（用户 unit 的 drop-in）',
  },
  'docker-daemon-json': {
    en: 'dockerd by its daemon.json proxies (Engine 23 and later)',
    'zh-CN': '通过 daemon.json 的 proxies 配置 dockerd（Engine 23 及以上）',
  },
  'docker-cli-config': {
    en: 'RUN steps, through the docker CLI config.json',
    'zh-CN': 'RUN 步骤，经由 docker CLI 的 config.json',
  },
  'buildx-docker-container': {
    en: 'docker-container builders of buildx (recreated with the proxy)',
    'zh-CN': 'buildx 的 docker-container 构建器（带代理重建）',
  },
  'buildkitd-systemd': {
    en: 'a standalone buildkitd under systemd',
    'zh-CN': 'systemd 管理的独立 buildkitd',
  },
  'buildkitd-toml': {
    en: 'the corporate CA per registry in buildkitd.toml',
    'zh-CN': 'buildkitd.toml 中按镜像仓库配置的公司 CA',
  },
  kubernetes: {
    en: 'BuildKit in Kubernetes (pod env and buildx driver options)',
    'zh-CN': 'Kubernetes 中的 BuildKit（pod 环境变量和 buildx 驱动选项）',
  },
  'client-shell': {
    en: 'your shell, where docker and buildx fetch registry tokens',
    'zh-CN': '你的 shell，docker 和 buildx 在这里获取镜像仓库令牌',
  },
  'build-command': {
    en: 'build args on the build command line (buildx, buildctl, compose, bake)',
    'zh-CN': '构建命令行上的构建参数（buildx、buildctl、compose、bake）',
  },
  'ci-github-actions': { en: 'a GitHub Actions job', 'zh-CN': 'GitHub Actions 的 job' },
  'ci-gitlab': { en: 'a GitLab CI job with a dind service', 'zh-CN': '带 dind 服务的 GitLab CI job' },
  'cntlm-relay': {
    en: 'a local cntlm relay for an NTLM or Negotiate proxy',
    'zh-CN': '为 NTLM 或 Negotiate 代理准备的本地 cntlm 中继',
  },
  'ca-trust': {
    en: 'the CA of a TLS-inspecting proxy, for every actor',
    'zh-CN': 'TLS 检查代理的 CA，交给每个参与者',
  },
  'desktop-settings': { en: 'Docker Desktop proxy settings', 'zh-CN': 'Docker Desktop 的代理设置' },
  'containers-conf': {
    en: 'podman and buildah on Linux (containers.conf)',
    'zh-CN': 'Linux 上的 podman 和 buildah（containers.conf）',
  },
  'podman-machine': { en: 'a podman machine VM', 'zh-CN': 'podman machine 虚拟机' },
  'colima-yaml': { en: 'the Colima VM (colima.yaml)', 'zh-CN': 'Colima 虚拟机（colima.yaml）' },
  'lima-override': {
    en: 'Lima VMs (override.yaml)',
    'zh-CN': 'Lima 虚拟机（override.yaml）',
  },
  'rancher-desktop': { en: 'the Rancher Desktop VM', 'zh-CN': 'Rancher Desktop 的虚拟机' },
  wslconfig: {
    en: 'WSL 2 networking (.wslconfig)',
    'zh-CN': 'WSL 2 的网络设置（.wslconfig）',
  },
};
