// @buildproxy/core/proxy — proxy URLs, the proxy variables, NO_PROXY matching as Go and curl do it, redaction.
export {
  type EffectiveVar,
  goEffective,
  isProxyVar,
  isRelevantVar,
  PROXY_VARS,
  type ProxyVar,
  pickRelevant,
} from './env.js';
export {
  type GoUrl,
  type GoUrlResult,
  type GoVersion,
  goParseProxy,
  goParseUrl,
  goQuote,
  MAX_URL,
} from './go-url.js';
export { type CurlDecision, curlNoProxyEntries, curlNoProxyMatch, curlProxyForUrl } from './no-proxy-curl.js';
export {
  type BypassReason,
  canonicalAddr,
  type GoDecision,
  type GoProxyConfig,
  goBypass,
  goConfigFromEnv,
  goDialAddr,
  goProxyForUrl,
  goProxyTarget,
  idnaToASCII,
  joinHostPort,
  type NoProxyEntry,
  parseGoNoProxy,
} from './no-proxy-go.js';
export { maskEachChar, maskPassword, maskText, redactAll, redactValue } from './redact.js';
export { registryHostport } from './registry.js';
export {
  formatProxyUrl,
  isLoopbackHost,
  type ProxyScheme,
  type ProxyUrl,
  type ProxyUrlProblem,
  type ProxyUrlResult,
  parseProxyUrl,
  proxyOnLoopback,
} from './url.js';
