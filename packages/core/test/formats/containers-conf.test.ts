// containers.conf: the proxy keys, and the files podman itself refuses. The refusals are real podman 4.3.1 output
// (Debian 12), `CONTAINERS_CONF=F podman info` — every podman command exits 1 on these files; the e2e suite
// (test/e2e/podman-conf.e2e.ts) runs the same files through the real podman and compares.
import { describe, expect, it } from 'vitest';
import { MAX_CONTAINERS_CONF, parseContainersConf } from '../../src/formats/containers-conf.js';

const ok = (text: string) => {
  const r = parseContainersConf('/etc/containers/containers.conf', text);
  if (!r.ok) throw new Error(`unexpected error: ${r.error.message}`);
  return r.conf;
};
const bad = (text: string) => {
  const r = parseContainersConf('/etc/containers/containers.conf', text);
  if (r.ok) throw new Error('expected an error');
  return r.error;
};

describe('parseContainersConf', () => {
  it('reads [containers] http_proxy, [containers] env and [engine] env with their lines', () => {
    const c = ok(
      [
        '# Debian 12 /usr/share/containers/containers.conf style',
        '[containers]',
        'http_proxy = false',
        'env = ["PATH=/usr/bin", "FROM_CONF=1"]',
        '',
        '[engine]',
        'cgroup_manager = "cgroupfs"',
        'env = ["HTTPS_PROXY=http://proxy.corp:3128", "NO_PROXY=localhost,.corp"]',
      ].join('\n'),
    );
    expect(c.httpProxy).toBe(false);
    expect(c.httpProxyLine).toBe(3);
    expect(c.containersEnv).toEqual([
      { name: 'PATH', value: '/usr/bin', line: 4 },
      { name: 'FROM_CONF', value: '1', line: 4 },
    ]);
    expect(c.engineEnv).toEqual([
      { name: 'HTTPS_PROXY', value: 'http://proxy.corp:3128', line: 8 },
      { name: 'NO_PROXY', value: 'localhost,.corp', line: 8 },
    ]);
  });

  it('a file without the keys: null (podman defaults http_proxy to true); the shipped file is all comments', () => {
    const c = ok('[containers]\n#http_proxy = true\n[engine]\n#env = []\n[machine]\n');
    expect(c).toMatchObject({ httpProxy: null, containersEnv: null, engineEnv: null });
    expect(ok('')).toMatchObject({ httpProxy: null, engineEnv: null });
  });

  it('splits at the first "=", keeps quotes, backslashes, % and credentials verbatim', () => {
    const c = ok(
      String.raw`[engine]
env = ["HTTPS_PROXY=http://u:p%40ss=x@proxy:3128", 'NO_PROXY=a\b', "Q=\"quoted\"", "T=\tx"]`,
    );
    expect(c.engineEnv!.map((e) => [e.name, e.value])).toEqual([
      ['HTTPS_PROXY', 'http://u:p%40ss=x@proxy:3128'],
      ['NO_PROXY', 'a\\b'],
      ['Q', '"quoted"'],
      ['T', '\tx'],
    ]);
  });

  it('an entry without "=" is dropped, as podman does with a warning', () => {
    // podman 4.3.1: level=warning msg="invalid environment variable for engine NOEQUALS, valid configuration is KEY=value pair"
    const c = ok('[engine]\nenv = ["NOEQUALS", "=x", "HTTPS_PROXY=a=b"]\n');
    expect(c.engineEnv).toEqual([{ name: 'HTTPS_PROXY', value: 'a=b', line: 2 }]);
    expect(c.ignoredEnv).toEqual(['NOEQUALS', '=x']);
  });

  it.each([
    // podman: toml: line 3 (last key "containers.http_proxy"): Key 'containers.http_proxy' has already been defined.
    ['a duplicate key', '[containers]\nhttp_proxy = false\nhttp_proxy = true\n', 3],
    // podman: toml: line 3: Key 'engine' has already been defined.
    ['a redefined table', '[engine]\nenv = ["A=1"]\n[engine]\ncgroup_manager="cgroupfs"\n', 3],
    // podman: toml: line 2 (last key "containers.http_proxy"): incompatible types: TOML value has type string; destination has type boolean
    ['a string for a boolean', '[containers]\nhttp_proxy = "no"\n', 2],
    ['env that is not an array of strings', '[engine]\nenv = "HTTPS_PROXY=x"\n', 2],
    ['env with a number', '[containers]\nenv = ["A=1", 2]\n', 2],
    ['an unterminated string', '[engine]\nenv = ["HTTPS_PROXY=x]\n', 2],
  ])('%s is an error at its line, like podman refuses it', (_what, text, line) => {
    expect(bad(text).line).toBe(line);
  });

  it('a byte that is not UTF-8 is an error at its line, as in podman ("invalid UTF-8 byte: 0xff")', () => {
    // the capture decodes bytes as UTF-8: 0xff arrives as U+FFFD
    const text = Buffer.from('[engine]\nenv = ["HTTPS_PROXY=http://pr\xffoxy:3128"]\n', 'latin1').toString(
      'utf8',
    );
    expect(bad(text)).toMatchObject({ line: 2, message: 'invalid UTF-8 byte' });
    const comment = Buffer.from('# \xff comment\n[engine]\n', 'latin1').toString('utf8');
    expect(bad(comment).line).toBe(1);
  });

  it('hostile sizes are refused quickly, never parsed: huge, deeply nested', () => {
    expect(bad('#'.repeat(MAX_CONTAINERS_CONF + 1)).message).toMatch(/larger than/);
    const deep = `[engine]\nx = ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(bad(deep).message).toMatch(/nested/);
    const many = `[engine]\nenv = [${Array.from({ length: 5000 }, (_, i) => `"V${i}=x"`).join(',')}]\n`;
    expect(ok(many).engineEnv).toHaveLength(5000);
  });
});
