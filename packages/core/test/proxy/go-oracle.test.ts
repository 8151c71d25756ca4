// Differential test: route's Go logic against real Go. table.json holds, for each generated case, what Go
// 1.24's net/http did in a fresh process with exactly that environment (and Go 1.19's answer where it
// differs). Regenerate with `node scripts/go-proxy-oracle/generate.mjs` (needs network once for the debs).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GoVersion } from '../../src/proxy/go-url.js';
import { goConfigFromEnv, goProxyForUrl } from '../../src/proxy/no-proxy-go.js';

interface Answer {
  err?: string;
  proxy?: string;
  host?: string;
  user?: string;
  dial?: string;
}
interface Row {
  id: string;
  env: Record<string, string>;
  url: string;
  go: Answer;
  go123?: Answer;
  go122?: Answer;
  go121?: Answer;
  go119?: Answer;
}
type Other = 'go123' | 'go122' | 'go121' | 'go119';
const OTHER: Record<Exclude<GoVersion, '1.24'>, Other> = {
  '1.23': 'go123',
  '1.22': 'go122',
  '1.21': 'go121',
  '1.19': 'go119',
};
const table = JSON.parse(readFileSync(new URL('./go-oracle/table.json', import.meta.url), 'utf8')) as {
  header: { go: string; count: number } & Record<Other, string>;
  cases: Row[];
};

/** What both sides are compared on: the verdict, Go's error text, the proxy's scheme, Host, user and dial. */
function fromGo(a: Answer) {
  if (a.err != null) return { err: a.err };
  if (a.proxy == null) return {};
  return {
    scheme: /^([a-z][a-z0-9+.-]*):/.exec(a.proxy)?.[1] ?? '',
    host: a.host,
    user: a.user ?? undefined,
    dial: a.dial,
  };
}

function fromRoute(row: Row, go: GoVersion) {
  const d = goProxyForUrl(goConfigFromEnv(row.env), row.url, go);
  if (d.proxy === null) return 'error' in d ? { err: d.error } : {};
  return {
    scheme: d.url.scheme,
    host: d.url.host,
    user: d.url.username ?? undefined,
    dial: d.dial ?? undefined,
  };
}

function disagreements(go: GoVersion) {
  const bad: string[] = [];
  for (const row of table.cases) {
    const want = fromGo(go === '1.24' ? row.go : (row[OTHER[go]] ?? row.go));
    const got = fromRoute(row, go);
    if (JSON.stringify(got) !== JSON.stringify(want))
      bad.push(
        `${row.id} ${JSON.stringify(row.env)} ${row.url}\n   go ${JSON.stringify(want)}\n  got ${JSON.stringify(got)}`,
      );
  }
  return bad;
}

describe(`route's Go proxy choice against real Go (${table.header.count} cases)`, () => {
  it('the table is big enough and was made by the versions it names', () => {
    expect(table.cases.length).toBe(table.header.count);
    expect(table.cases.length).toBeGreaterThanOrEqual(1500);
    expect(table.header.go).toMatch(/go1\.24\./);
    for (const [v, key] of Object.entries(OTHER)) {
      expect(table.header[key]).toMatch(new RegExp(`go${v.replace('.', '\\.')}\\.`));
      // every older version differs somewhere, or the table could not tell them apart
      expect(table.cases.filter((r) => r[key]).length, key).toBeGreaterThan(0);
    }
  });

  it.each(['1.24', '1.23', '1.22', '1.21', '1.19'] as const)('agrees with Go %s on every case', (go) => {
    const bad = disagreements(go);
    expect(
      bad.slice(0, Number(process.env.GO_ORACLE_SHOW ?? 15)).join('\n'),
      `${bad.length}/${table.cases.length} disagree`,
    ).toBe('');
  });
});
