// long because: the English template of every finding message, keyed by its typed id (ids.ts). Each reproduces,
// byte for byte, the text the rule's check prints (test/messages/templates.test.ts runs every rule's example
// machines and compares). Literal text is prose; interpolated strings are values, kept verbatim as code.
import type { Templates } from './ref.js';
import { codes, m } from './rich.js';

const q = (s: string) => m`"${s}"`;

export const MESSAGES_EN: Templates = {
  'proxy-unknown.none': () =>
    m`no proxy was given and none is set in the shell, dockerd, the builders or ${'~/.docker/config.json'}: nothing says whether builds need one. If they fail with timeouts, run ${'buildproxy doctor --proxy http://HOST:PORT'}`,
  'env-proxy-in-image.env': (v) => m`${v.at} sets ${v.name} with ENV: the proxy is stored in the image`,
  'proxy-arg-declared.arg': (v) =>
    m`${v.at} declares ARG ${v.name}: the proxy enters the build cache and image history`,
  'https-proxy-scheme.tls': (v) =>
    m`${`${v.names}=${v.value}`} makes Go open TLS to the proxy itself; use ${'http://'} unless the proxy speaks TLS`,
  'desktop-ignores-daemon-json.proxies': (v) => m`${v.path} has "proxies", which Docker Desktop ignores`,
  'daemon-json-unsupported.proxies': (v) =>
    m`${v.path} has "proxies", but Docker Engine ${v.engine} only reads them from 23.0 on; dockerd will not start with this file`,
  'client-token-proxy.unset': (v) =>
    m`HTTPS_PROXY is not set in your shell, so buildx fetches registry tokens direct${v.desktop ? m` (Docker Desktop does not pass its proxy to CLI plugins)` : []}; ${`export HTTPS_PROXY=${v.proxy}`}`,
  'daemon-unreachable.absent': () =>
    m`docker is not installed (no docker CLI on PATH): only the shell environment was checked`,
  'daemon-unreachable.timeout': () => m`dockerd did not answer within the probe timeout (wedged daemon?)`,
  'daemon-unreachable.down': (v) =>
    m`dockerd is not reachable: ${v.error}${v.buildctl ? m` (${'buildctl build'} does not use it)` : []}`,
  'run-proxy-missing.buildctl': (v) =>
    m`buildctl passes RUN steps only its ${'--opt build-arg:'} values (it never reads ${'~/.docker/config.json'}): add ${`--opt build-arg:HTTP_PROXY=${v.proxy} --opt build-arg:HTTPS_PROXY=${v.proxy}`}${v.mistakes.length ? m`; ${codes(v.mistakes, '; ')}` : []}`,
  'run-proxy-missing.config': (v, t) =>
    m`no proxies in ${v.path}: RUN steps fetch direct unless each build passes ${`--build-arg HTTP_PROXY=${v.proxy}`}${v.note ? m` (${t(v.note)})` : []}`,
  'run-proxy.note': (v, t) => m`${t(v.why)}${v.rebind ? m`; ${t(v.rebind)}` : []}`,
  'run-proxy.rebind': ({ port, gateway }) =>
    m`the proxy listens on ${`127.0.0.1:${port}`} only, so let it also listen on the bridge gateway ${gateway}, for the bridge's subnet only (cntlm: ${q(`Listen ${gateway}:${port}`)} beside ${q(`Listen 127.0.0.1:${port}`)}, then ${q('Allow <bridge subnet>')} and ${q('Deny 0/0')} (target ${'cntlm-relay'} writes this; never ${q('Gateway yes')}); squid: ${q(`http_port ${gateway}:${port}`)} with an ${q('acl')} that allows only the bridge subnet; px: ${q(`--listen=127.0.0.1,${gateway} --allow=<bridge subnet>`)}; Clash/Mihomo: ${q('allow-lan: true')} with ${q(`bind-address: ${gateway}`)}; V2Ray/Xray: a second inbound with ${q('listen')}: ${q(gateway)})`,
  'run-proxy.desktop': () => m`Docker Desktop resolves ${'host.docker.internal'} to this host`,
  'run-proxy.rootless': () =>
    m`rootless Docker reaches the host at ${'10.0.2.2'} (${'DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false'})`,
  'run-proxy.listens': (v) => m`the proxy listens on ${v.address}, which build containers can reach`,
  'run-proxy.bridge': (v) => m`build containers reach this host at dockerd's bridge address ${v.bridge}`,
  'run-proxy.docker0': () =>
    m`build containers reach this host at docker0's address (${'172.17.0.1'} unless dockerd runs with ${'--bip'} or ${'--bridge'})`,
};
