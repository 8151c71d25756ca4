// The generated corpus for the Go proxy oracle: grids (proxy values × targets, NO_PROXY forms × targets,
// variable names × targets) plus seeded random combinations. Deterministic: the same file gives the same cases.

export const PROXIES = [
  'http://proxy.corp:3128',
  'proxy.corp:3128',
  'proxy.corp',
  'https://proxy.corp:3128',
  'socks5://proxy.corp',
  'socks5h://proxy.corp:1080',
  'http://user:pa%23ss@proxy.corp:3128',
  'http://user:pass@proxy.corp:3128',
  'http://DOMAIN\\user:pw@proxy.corp:3128',
  'http://DOMAIN%5Cuser:pw@proxy.corp:3128',
  'http://user:pa?ss@proxy.corp:3128',
  'http://user:pa#ss@proxy.corp:3128',
  'http://user:pa/ss@proxy.corp:3128',
  'http://user:p@ss@proxy.corp:3128',
  'http://us er:pw@proxy.corp:3128',
  'http://user:pa%ss@proxy.corp:3128',
  '"http://proxy.corp:3128"',
  "'http://proxy.corp:3128'",
  '\u00a0http://proxy.corp:3128',
  ' http://proxy.corp:3128',
  'http://proxy.corp:3128 ',
  'http://p1.corp:3128,http://p2.corp:3128',
  'p1.corp:3128,p2.corp:3128',
  'fd00::31:3128',
  'http://fd00::31:3128',
  'http://[fd00::31]:3128',
  '[fd00::31]:3128',
  'http://proxy:port',
  'http://http://proxy.corp:3128',
  'http://socks5://proxy.corp:1080',
  'http://proxy.corp:3128/',
  'http://proxy.corp:3128/path?x=1#f',
  'proxy',
  'http://prøxy.corp:3128',
  'http://PROXY.Corp:3128',
  'HTTP://proxy.corp:3128',
  'http://proxy.corp:99999',
  'http://p%zz:3128',
  'ftp://proxy.corp:21',
  'foo://proxy.corp',
  'http://127.0.0.1:3128',
  'http://[::1]:3128',
  'http://user@proxy.corp:3128',
  'http://:3128',
  ':3128',
  '//proxy.corp:3128',
  'http://',
  '/',
  'http:proxy.corp:3128',
  'proxy.corp:3128/',
  'http://proxy.corp:3128\\',
  'http://[fe80::1%25eth0]:3128',
  'http://10.0.2.2:3128',
  'http://host.docker.internal:3128',
  'http://proxy.corp:',
  'http://proxy.corp:0',
  'user:pw@proxy.corp:3128',
  'DOMAIN\\user:pw@proxy.corp:3128',
  'http://proxy_corp:3128',
  'http://[fd00::31:3128',
  'tcp://proxy.corp:3128',
];

export const NO_PROXIES = [
  '',
  '*',
  'example.com',
  '.example.com',
  '*.example.com',
  'example.com:443',
  'example.com:80',
  'EXAMPLE.com',
  ' example.com ',
  'example.com.',
  'ample.com',
  'sub.example.com',
  '10.0.0.0/8',
  '10.1.2.3',
  '10.1.2.3:443',
  '.3',
  '1.2.3',
  '168.1.10',
  '2.3',
  '.2.3',
  '10.1.2',
  '::/0',
  '0.0.0.0/0',
  'fd00::/8',
  '[fd00::1]:443',
  'fd00::1',
  '[fd00::1]',
  'straße.de',
  'xn--strae-oqa.de',
  'strasse.de',
  'bücher.example',
  'bucher.example',
  'xn--bcher-kva.example',
  'a.corp example.com',
  'a.corp;example.com',
  'localhost,127.0.0.1',
  '*,example.com',
  'example.com,*',
  ':1',
  ':443',
  '.',
  '*.',
  '[::1]',
  '10.1.2.3/32',
  '10.1.2.3/33',
  '192.168.0.0/16,.corp',
  'registry-1.docker.io',
  '.docker.io',
  'docker.io',
  '*.docker.io',
  '.io',
  'io',
  'example.com:',
  '[fd00::1]:',
  '"example.com"',
  'example.*',
  '*example.com',
  '10.*',
  '10.1.2.*',
  '::ffff:10.1.2.3',
  '10.1.2.3:80,example.com:8080',
  'fe80::1',
  'fe80::/10',
  '.corp,.local',
];

export const TARGETS = [
  'http://example.com/',
  'https://example.com/',
  'https://example.com:443/v2/',
  'https://example.com:8443/',
  'http://example.com:8080/',
  'https://sub.example.com/',
  'https://notexample.com/',
  'https://EXAMPLE.COM/',
  'https://example.com./',
  'https://10.1.2.3/',
  'http://10.1.2.3:80/',
  'https://10.1.2.3:443/',
  'https://192.168.1.10/',
  'https://[fd00::1]/',
  'https://[fd00::1]:443/',
  'https://[fe80::1%25eth0]/',
  'https://[::ffff:10.1.2.3]/',
  'https://straße.de/',
  'https://xn--strae-oqa.de/',
  'https://strasse.de/',
  'https://bücher.example/',
  'https://bucher.example/',
  'https://xn--bcher-kva.example/',
  'https://registry-1.docker.io/v2/',
  'https://auth.docker.io/token',
  'https://production.cloudflare.docker.com/',
  'ssh://git@github.com/o/r.git',
  'git://github.com/o/r',
  'ftp://example.com/',
  'tcp://example.com:2375',
  'ws://example.com/',
  'socks5://example.com',
  'HTTPS://example.com/',
  'https://localhost/',
  'https://localhost:5000/',
  'https://127.0.0.2/',
  'https://[::1]/',
  ':443',
  'https://a b/',
  'https://[fd00::1/',
  'https://example.com:port/',
  'https://user:pw@example.com/',
  'example.com',
  'https:///path',
  'https://%65xample.com/',
  'http://[1000::%25.example.com]:123',
  'https://example.com:65536/',
  'https://exa%mple.com/',
  'https://exa\tmple.com/',
];

// Proxy values that isolate one effect each, for the NO_PROXY grid.
const P = 'http://proxy.corp:3128';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generate(randomCount = 700, seed = 14) {
  const cases = [];
  const add = (grid, env, url) => cases.push({ id: `${grid}-${cases.length}`, env, url });
  // 1. proxy values: both variables set, http and https targets, one NO_PROXY to show bypass still applies
  for (const v of PROXIES)
    for (const u of [
      'http://example.com/',
      'https://example.com/',
      'https://registry-1.docker.io/v2/',
      'https://10.1.2.3/',
    ])
      add('proxy', { HTTP_PROXY: v, HTTPS_PROXY: v, NO_PROXY: '10.0.0.0/8' }, u);
  // 2. NO_PROXY forms × targets
  for (const n of NO_PROXIES)
    for (const u of TARGETS) add('noproxy', { HTTP_PROXY: P, HTTPS_PROXY: P, NO_PROXY: n }, u);
  // 3. variable names, precedence, CGI
  const names = [
    { HTTP_PROXY: P },
    { http_proxy: P },
    { Http_Proxy: P },
    { HTTPS_PROXY: P },
    { https_proxy: P },
    { Https_Proxy: P },
    { HTTPS_PROXY: 'http://up:1', https_proxy: 'http://low:1' },
    { HTTPS_PROXY: '', https_proxy: 'http://low:1' },
    { HTTP_PROXY: 'http://up:1', http_proxy: 'http://low:1' },
    { ALL_PROXY: P },
    { all_proxy: 'socks5://s:1080' },
    { HTTPS_PROXY: P, NO_PROXY: 'example.com' },
    { HTTPS_PROXY: P, no_proxy: 'example.com' },
    { HTTPS_PROXY: P, No_Proxy: 'example.com' },
    { HTTPS_PROXY: P, NO_PROXY: '', no_proxy: 'example.com' },
    { HTTPS_PROXY: P, NO_PROXY: 'other.com', no_proxy: 'example.com' },
    { HTTP_PROXY: P, REQUEST_METHOD: 'GET' },
    { HTTPS_PROXY: P, REQUEST_METHOD: 'GET' },
    { HTTP_PROXY: P, HTTPS_PROXY: P, REQUEST_METHOD: 'POST' },
    { HTTP_PROXY: P, REQUEST_METHOD: '' },
    { HTTP_PROXY: P, NO_PROXY: 'example.com', REQUEST_METHOD: 'GET' },
    { http_proxy: P, REQUEST_METHOD: 'GET' },
    { HTTPS_PROXY: P, HTTP_PROXY: 'http://other:1' },
    { HTTP_PROXY: P, HTTPS_PROXY: '' },
    { HTTPS_PROXY: 'http://p%zz:1', https_proxy: P },
    { HTTPs_PROXY: P },
    { FTP_PROXY: P },
    { ftp_proxy: P },
    {},
  ];
  for (const env of names)
    for (const u of [
      'http://example.com/',
      'https://example.com/',
      'https://localhost/',
      'ftp://example.com/',
      'ssh://git@example.com/r',
    ])
      add('names', env, u);
  // 4. seeded random: pieces recombined, with case flips, spaces, commas and stray characters
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const mutate = (s) => {
    const k = r();
    if (k < 0.15) return s.toUpperCase();
    if (k < 0.25) return ` ${s} `;
    if (k < 0.35 && s.length) {
      const i = Math.floor(r() * s.length);
      return (
        s.slice(0, i) + pick([' ', ',', '%', '[', ']', ':', '@', '\\', '.', '*', '\u00e9', '/']) + s.slice(i)
      );
    }
    return s;
  };
  for (let i = 0; i < randomCount; i++) {
    const env = {};
    const hn = pick(['HTTP_PROXY', 'http_proxy', 'Http_Proxy', null]);
    const sn = pick(['HTTPS_PROXY', 'https_proxy', 'HTTPS_PROXY', 'https_proxy', 'Https_Proxy', null]);
    const nn = pick(['NO_PROXY', 'no_proxy', 'NO_PROXY', 'No_Proxy', null]);
    if (hn) env[hn] = mutate(pick(PROXIES));
    if (sn) env[sn] = mutate(pick(PROXIES));
    if (nn) {
      const parts = Array.from({ length: 1 + Math.floor(r() * 4) }, () => mutate(pick(NO_PROXIES)));
      env[nn] = parts.join(pick([',', ',', ', ', ' ']));
    }
    if (r() < 0.05) env.REQUEST_METHOD = 'GET';
    add('random', env, mutate(pick(TARGETS)));
  }
  return cases;
}
