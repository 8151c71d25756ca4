// The cases of golang.org/x/net/http/httpproxy proxy_test.go, transcribed as data (proxyForURLTests,
// UseProxyTests with its noProxy list, TestInvalidNoProxy, TestAllNoProxy).

export interface ProxyForUrlCase {
  cfg: { httpProxy?: string; httpsProxy?: string; noProxy?: string; cgi?: boolean };
  req?: string; // blank means http://example.com
  want: string; // "<nil>" for no proxy
  wantErr?: string;
}

export const PROXY_FOR_URL: ProxyForUrlCase[] = [
  { cfg: { httpProxy: '127.0.0.1:8080' }, want: 'http://127.0.0.1:8080' },
  { cfg: { httpProxy: 'cache.corp.example.com:1234' }, want: 'http://cache.corp.example.com:1234' },
  { cfg: { httpProxy: 'cache.corp.example.com' }, want: 'http://cache.corp.example.com' },
  { cfg: { httpProxy: 'localhost' }, want: 'http://localhost' },
  { cfg: { httpProxy: 'https://cache.corp.example.com' }, want: 'https://cache.corp.example.com' },
  { cfg: { httpProxy: 'http://127.0.0.1:8080' }, want: 'http://127.0.0.1:8080' },
  { cfg: { httpProxy: 'https://127.0.0.1:8080' }, want: 'https://127.0.0.1:8080' },
  { cfg: { httpProxy: 'socks5://127.0.0.1' }, want: 'socks5://127.0.0.1' },
  { cfg: { httpProxy: 'foo://host' }, want: 'foo://host' },
  {
    cfg: { httpProxy: 'http.proxy.tld', httpsProxy: 'secure.proxy.tld' },
    req: 'http://insecure.tld/',
    want: 'http://http.proxy.tld',
  },
  {
    cfg: { httpProxy: 'http.proxy.tld', httpsProxy: 'secure.proxy.tld' },
    req: 'https://secure.tld/',
    want: 'http://secure.proxy.tld',
  },
  {
    cfg: { httpProxy: 'http.proxy.tld', httpsProxy: 'https://secure.proxy.tld' },
    req: 'https://secure.tld/',
    want: 'https://secure.proxy.tld',
  },
  { cfg: { httpProxy: 'http.proxy.tld' }, req: 'https://secure.tld/', want: '<nil>' },
  { cfg: { httpProxy: 'http.proxy.tld' }, req: 'ftp://insecure.tld/', want: '<nil>' },
  {
    cfg: { httpProxy: 'http://10.1.2.3:8080', cgi: true },
    want: '<nil>',
    wantErr: 'refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy',
  },
  {
    cfg: { httpsProxy: 'https://secure.proxy.tld', cgi: true },
    req: 'https://secure.tld/',
    want: 'https://secure.proxy.tld',
  },
  { cfg: {}, want: '<nil>' },
  { cfg: { noProxy: 'example.com', httpProxy: 'proxy' }, req: 'http://example.com/', want: '<nil>' },
  { cfg: { noProxy: '.example.com', httpProxy: 'proxy' }, req: 'http://example.com/', want: 'http://proxy' },
  { cfg: { noProxy: 'ample.com', httpProxy: 'proxy' }, req: 'http://example.com/', want: 'http://proxy' },
  { cfg: { noProxy: 'example.com', httpProxy: 'proxy' }, req: 'http://foo.example.com/', want: '<nil>' },
  { cfg: { noProxy: '.foo.com', httpProxy: 'proxy' }, req: 'http://example.com/', want: 'http://proxy' },
  { cfg: { noProxy: '.示例.com', httpProxy: 'proxy' }, req: 'http://www.示例.com', want: '<nil>' },
  { cfg: { noProxy: 'xn--fsq092h.com', httpProxy: 'proxy' }, req: 'http://www.示例.com', want: '<nil>' },
  { cfg: { noProxy: '示例.com', httpProxy: 'proxy' }, req: 'http://www.xn--fsq092h.com', want: '<nil>' },
  {
    cfg: { noProxy: 'example.com', httpProxy: 'proxy' },
    req: 'http://[1000::%25.example.com]:123',
    want: 'http://proxy',
  },
];

export const USE_PROXY_NO_PROXY =
  'foobar.com, .barbaz.net, *.wildcard.io, 192.168.1.1, 192.168.1.2:81, 192.168.1.3:80, 10.0.0.0/30, 2001:db8::52:0:1, [2001:db8::52:0:2]:443, [2001:db8::52:0:3]:80, 2002:db8:a::45/64';

/** host → true when the proxy is used for host:80 */
export const USE_PROXY: [string, boolean][] = [
  ['localhost', false],
  ['127.0.0.1', false],
  ['127.0.0.2', false],
  ['[::1]', false],
  ['[::2]', true],
  ['192.168.1.1', false],
  ['192.168.1.2', true],
  ['192.168.1.3', false],
  ['192.168.1.4', true],
  ['10.0.0.2', false],
  ['[2001:db8::52:0:1]', false],
  ['[2001:db8::52:0:2]', true],
  ['[2001:db8::52:0:3]', false],
  ['[2002:db8:a::123]', false],
  ['[fe80::424b:c8be:1643:a1b6]', true],
  ['barbaz.net', true],
  ['www.barbaz.net', false],
  ['foobar.com', false],
  ['www.foobar.com', false],
  ['foofoobar.com', true],
  ['baz.com', true],
  ['localhost.net', true],
  ['local.localhost', true],
  ['barbarbaz.net', true],
  ['wildcard.io', true],
  ['nested.wildcard.io', false],
  ['awildcard.io', true],
];
