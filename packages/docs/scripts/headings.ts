import { type Rule, ruleMarkdown } from '@buildproxy/core';

/** A rule's page: the text `buildproxy explain` prints, its repeated example files collapsed, issues linked. */
export function rulePage(r: Rule): string {
  return linkIssues(collapseExamples(ruleMarkdown(r, { title: false })));
}

// A troubleshooting heading is the explanation's first sentence, whole: a sentence ends at a full stop followed by
// a space or the end, never at the dots of `127.0.0.1`, `0.19` or `23.0`, nor at a colon.
/** Where a troubleshooting example comes from: `owner/repo#N` linked, or the e2e test that reruns the program. */
export function exampleSource(source: string, rerunBy: (test: string) => string): string {
  const m = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/(?:issues|pull)\/(\d+)$/.exec(source);
  return m ? `[${m[1]}#${m[2]}](${source})` : rerunBy(`\`${source}\``);
}

export function troubleshootingHeading(explanation: string): string {
  const m = /^(.+?[^.])\.(?=\s|$)/s.exec(explanation.trim());
  return (m ? m[1]! : explanation.trim().replace(/\.$/, '')).replace(/\s+/g, ' ');
}

/**
 * A rule page shows two example machines that mostly share their files. In "Does not trigger", a file block equal to
 * the same file in "Triggers" becomes one line, so the difference is what the reader sees.
 */
export function collapseExamples(md: string): string {
  const good = md.indexOf('\n### Does not trigger');
  const bad = md.indexOf('\n### Triggers');
  if (good < 0 || bad < 0 || bad > good) return md;
  const block = /^(.+):\n\n```(\w*)\n([\s\S]*?)\n```$/gm;
  const seen = new Map<string, string>();
  for (const m of md.slice(bad, good).matchAll(block)) seen.set(m[1]!, m[3]!);
  const end = md.indexOf('\n## ', good);
  const tail = end < 0 ? md.length : end;
  const collapsed = md
    .slice(good, tail)
    .replace(block, (all, label: string, _lang: string, text: string) =>
      label !== 'machine' && seen.get(label) === text ? `${label}: the same as above.` : all,
    );
  return md.slice(0, good) + collapsed + md.slice(tail);
}

/** owner/repo#N in prose becomes a link to that GitHub issue (GitHub redirects /issues/N to a pull request). */
export function linkIssues(md: string): string {
  return md
    .split(/(```[\s\S]*?```|`[^`\n]*`)/)
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(
            /(?<![[\w/.-])([\w-]+)\/([\w.-]+)#(\d+)\b/g,
            (all, owner: string, repo: string, n: string) =>
              `[${all}](https://github.com/${owner}/${repo}/issues/${n})`,
          ),
    )
    .join('');
}

// Generated prose outside code, escaped for MDX: braces and stray `<` would be parsed as JSX.
export const mdxProse = (md: string) =>
  md
    .split(/(```[\s\S]*?```|~~~~[\s\S]*?~~~~|`[^`\n]*`)/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/[{}]/g, (c) => `&#${c.charCodeAt(0)};`)
            .replace(/<(?!\/?(details|summary)>)/g, '&lt;'),
    )
    .join('');
