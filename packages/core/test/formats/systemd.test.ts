import { describe, expect, it } from 'vitest';
import { parseSystemctlShow } from '../../src/formats/systemctl.js';
import {
  environmentFromAssignments,
  findBadSpecifier,
  parseEnvironmentFile,
  parseUnitFile,
  splitWords,
} from '../../src/formats/systemd.js';

const env = (content: string) => environmentFromAssignments(parseUnitFile('/x.conf', content));

describe('systemd unit parsing', () => {
  it('reads one quoted assignment per line', () => {
    const { vars, problems } = env(
      '[Service]\nEnvironment="HTTP_PROXY=http://p:3128"\nEnvironment="NO_PROXY=a,b"\n',
    );
    expect(vars.get('HTTP_PROXY')?.value).toBe('http://p:3128');
    expect(vars.get('NO_PROXY')).toMatchObject({ value: 'a,b', line: 3 });
    expect(problems).toEqual([]);
  });

  it('accepts several separately quoted assignments on one line', () => {
    const { vars } = env('[Service]\nEnvironment="A=1" "B=2 3" C=4\n');
    expect(Object.fromEntries([...vars].map(([k, v]) => [k, v.value]))).toEqual({ A: '1', B: '2 3', C: '4' });
  });

  it('one quoted string with two assignments sets one variable', () => {
    const { vars, problems } = env('[Service]\nEnvironment="HTTP_PROXY=http://p:1 HTTPS_PROXY=http://p:1"\n');
    expect(vars.get('HTTP_PROXY')?.value).toBe('http://p:1 HTTPS_PROXY=http://p:1');
    expect(vars.has('HTTPS_PROXY')).toBe(false);
    expect(problems[0]).toMatchObject({
      kind: 'quoting',
      variable: 'HTTP_PROXY',
      swallowed: ['HTTPS_PROXY'],
    });
  });

  it('an unquoted space drops the rest as an invalid assignment', () => {
    const { vars, problems } = env('[Service]\nEnvironment=NO_PROXY=a, b\n');
    expect(vars.get('NO_PROXY')?.value).toBe('a,');
    expect(problems[0]).toMatchObject({ kind: 'invalid-assignment', word: 'b' });
  });

  it('joins backslash continuations and skips comments', () => {
    const a = parseUnitFile('/x', '# c\n[Service]\n; c\nEnvironment="A=1" \\\n  "B=2"\n');
    expect(a).toEqual([
      { path: '/x', line: 4, section: 'Service', key: 'Environment', value: '"A=1"    "B=2"' },
    ]);
  });

  it('an empty Environment= resets earlier assignments', () => {
    expect(env('[Service]\nEnvironment=A=1\nEnvironment=\nEnvironment=B=2\n').vars.has('A')).toBe(false);
  });

  it('ignores Environment= outside [Service]', () => {
    expect(env('[Unit]\nEnvironment=A=1\n').vars.size).toBe(0);
  });

  it('drops a line with an unknown % specifier and unescapes %%', () => {
    const { vars, problems } = env(
      '[Service]\nEnvironment="HTTP_PROXY=http://a:p%40ss@p:1"\nEnvironment="HTTPS_PROXY=http://a:p%%40ss@p:1"\n',
    );
    expect(vars.has('HTTP_PROXY')).toBe(false);
    expect(vars.get('HTTPS_PROXY')?.value).toBe('http://a:p%40ss@p:1');
    expect(problems[0]).toMatchObject({
      kind: 'specifier',
      specifier: '%4',
      resolvedSilently: false,
      line: 2,
    });
  });

  it('knows valid specifiers are substituted silently', () => {
    expect(findBadSpecifier('http://a:%C3%A9@p:1')).toEqual({ specifier: '%C', resolvedSilently: true });
    expect(findBadSpecifier('100%%')).toBeNull();
  });

  it('splits words with C escapes inside double quotes', () => {
    expect(splitWords('"a\\"b" c\\ d \'e f\'')).toEqual(['a"b', 'c d', 'e f']);
  });

  it('lets EnvironmentFile= values override Environment=', () => {
    const r = environmentFromAssignments(
      parseUnitFile('/u', '[Service]\nEnvironmentFile=-/etc/default/docker\n'),
    );
    expect(r.files).toEqual([
      { path: '/etc/default/docker', optional: true, from: expect.objectContaining({ line: 2 }) },
    ]);
  });
});

describe('EnvironmentFile= format', () => {
  it('reads KEY=VALUE, skips comments, removes quotes, flags export lines', () => {
    const { vars, problems } = parseEnvironmentFile(
      '/etc/default/docker',
      '# x\nHTTP_PROXY="http://p:1"\nexport HTTPS_PROXY=http://p:1\nDOCKER_OPTS=\n',
    );
    expect(vars.get('HTTP_PROXY')?.value).toBe('http://p:1');
    expect(vars.has('HTTPS_PROXY')).toBe(false);
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'export-line', variable: 'HTTPS_PROXY', line: 3 }),
    ]);
  });
});

describe('systemctl show', () => {
  it('parses the properties we ask for', () => {
    const u = parseSystemctlShow(
      [
        'Environment=HTTP_PROXY=http://p:3128 "NO_PROXY=a b"',
        'EnvironmentFiles=/etc/default/docker (ignore_errors=yes)',
        'ExecStart={ path=/usr/sbin/dockerd ; argv[]=/usr/sbin/dockerd -H fd:// $DOCKER_OPTS ; ignore_errors=no ; start_time=[n/a] }',
        'ActiveEnterTimestamp=Sat 2026-11-28 05:00:00 UTC',
        'FragmentPath=/lib/systemd/system/docker.service',
        'DropInPaths=/etc/systemd/system/docker.service.d/http-proxy.conf',
      ].join('\n'),
    );
    expect(u).toEqual({
      loaded: true,
      environment: { HTTP_PROXY: 'http://p:3128', NO_PROXY: 'a b' },
      environmentFiles: [{ path: '/etc/default/docker', optional: true }],
      execStart: ['/usr/sbin/dockerd', '-H', 'fd://', '$DOCKER_OPTS'],
      activeEnterTimestamp: 'Sat 2026-11-28 05:00:00 UTC',
      fragmentPath: '/lib/systemd/system/docker.service',
      dropInPaths: ['/etc/systemd/system/docker.service.d/http-proxy.conf'],
    });
  });

  it('reports a unit that does not exist as not loaded', () => {
    expect(parseSystemctlShow('Environment=\nFragmentPath=\nDropInPaths=\n').loaded).toBe(false);
  });
});
