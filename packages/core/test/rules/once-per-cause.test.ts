// One daemon, one cause, one finding: the same mismatch on HTTP_PROXY and HTTPS_PROXY, or the same https://
// proxy under three names, is reported once (issue 14 §3).
import { describe, expect, it } from 'vitest';
import { DROP_IN, GOOD_DOCKER, variant } from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';
import { buildReport } from '../../src/report.js';

const findings = (dropIn: string, rule: string) =>
  buildReport(synthesize(variant(GOOD_DOCKER, { files: { [DROP_IN]: dropIn } }))).report.findings.filter(
    (f) => f.rule === rule,
  );

describe('once per cause', () => {
  it('proxy-case-mismatch: HTTP and HTTPS differing from their lower-case twins the same way', () => {
    const f = findings(
      '[Service]\nEnvironment="HTTP_PROXY=http://a:3128" "http_proxy=http://b:3128" "HTTPS_PROXY=http://a:3128" "https_proxy=http://b:3128"\n',
      'proxy-case-mismatch',
    );
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain(
      'HTTP_PROXY/HTTPS_PROXY=http://a:3128 but http_proxy/https_proxy=http://b:3128',
    );
  });

  it('proxy-case-mismatch: two different pairs are two causes; a trailing "/" is no difference', () => {
    expect(
      findings(
        '[Service]\nEnvironment="HTTP_PROXY=http://a:3128" "http_proxy=http://b:3128" "HTTPS_PROXY=http://c:3128" "https_proxy=http://d:3128"\n',
        'proxy-case-mismatch',
      ),
    ).toHaveLength(2);
    expect(
      findings(
        '[Service]\nEnvironment="HTTPS_PROXY=http://a:3128" "https_proxy=http://a:3128/"\n',
        'proxy-case-mismatch',
      ),
    ).toHaveLength(0);
  });

  it('https-proxy-scheme: one https:// proxy under three names is one finding', () => {
    const f = findings(
      '[Service]\nEnvironment="HTTP_PROXY=https://a:3128" "HTTPS_PROXY=https://a:3128" "https_proxy=https://a:3128/"\n',
      'https-proxy-scheme',
    );
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/^HTTP_PROXY\/HTTPS_PROXY\/https_proxy=https:\/\/a:3128/);
  });
});
