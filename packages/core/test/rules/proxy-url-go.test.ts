// proxy-url-invalid names the host:port Go really dials when it mangles a value (measured with real Go in
// test/proxy/go-oracle: "http://DOMAIN\user:pw@p:3128" → http:80), and the percent-encoding fix.
import { describe, expect, it } from 'vitest';
import { GOOD_DOCKER, variant } from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';
import { buildReport } from '../../src/report.js';

function findings(value: string) {
  const { report } = buildReport(synthesize(variant(GOOD_DOCKER, { env: { HTTPS_PROXY: value } })));
  return report.findings.filter((f) => f.rule === 'proxy-url-invalid');
}

describe('proxy-url-invalid and what Go dials', () => {
  it.each([
    ['http://CORP\\alice:pw@proxy.corp.example:3128', /%5C[\s\S]*dials http:80/],
    ['http://alice:pa/ss@proxy.corp.example:3128', /%2F[\s\S]*dials http:80/],
    ['http://alice:pa?ss@proxy.corp.example:3128', /%3F[\s\S]*dials http:80/],
    ['"http://proxy.corp.example:3128"', /quotes[\s\S]*dials "http:80/],
    ['\u00a0http://proxy.corp.example:3128', /whitespace[\s\S]*dials \u00a0http:80/],
    [
      'http://p1.corp.example:3128,http://p2.corp.example:3128',
      /one proxy URL[\s\S]*dials \[p1\.corp\.example:3128,http\]:80/,
    ],
  ])('%s', (value, want) => {
    const f = findings(value);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(want);
    expect(f[0]!.message).not.toMatch(/pw@|pa\/ss|pa\?ss/);
  });

  it('a well-formed value raises nothing', () => {
    expect(findings('http://alice:p%40ss@proxy.corp.example:3128')).toEqual([]);
  });
});
