import { closestRules, findRule, RULES, ruleMarkdown } from '@buildproxy/core';
import { parse } from '../args.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { renderMarkdown } from '../render/markdown.js';

export const RULES_HELP = `Usage: buildproxy rules [--json]

List the rule catalogue: id, severity, actor and title. Read one with: buildproxy explain RULE
`;

export const EXPLAIN_HELP = `Usage: buildproxy explain RULE [--markdown]

Print a rule's explanation — the same text as its page on the docs site.
  --markdown   print the raw markdown
`;

export async function rules(argv: string[], io: Io): Promise<number> {
  const { values } = parse('rules', argv, { json: { type: 'boolean' } });
  if (values.help) {
    io.out(RULES_HELP);
    return 0;
  }
  if (values.json) {
    const list = RULES.map((r) => ({
      id: r.id,
      title: r.title,
      severity: r.severity,
      actor: r.actor,
      summary: r.summary,
      targets: r.targets,
    }));
    io.out(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const st = io.style(values['no-color'] === true);
  const width = Math.max(...RULES.map((r) => r.id.length));
  for (const r of [...RULES].sort((a, b) => a.id.localeCompare(b.id))) {
    const sev =
      r.severity === 'error'
        ? st.red('error  ')
        : r.severity === 'warning'
          ? st.yellow('warning')
          : st.blue('info   ');
    io.out(`${r.id.padEnd(width)}  ${sev}  ${r.actor.padEnd(7)}  ${r.title}\n`);
  }
  io.out(st.dim(`\n${RULES.length} rules. Details: buildproxy explain RULE\n`));
  return 0;
}

export async function explain(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('explain', argv, { markdown: { type: 'boolean' } }, 1);
  if (values.help) {
    io.out(EXPLAIN_HELP);
    return 0;
  }
  const id = positionals[0];
  if (!id) throw new UsageError('explain needs a rule id', 'list them with: buildproxy rules');
  const rule = findRule(id);
  if (!rule) {
    throw new UsageError(
      `unknown rule "${id}"`,
      `did you mean: ${closestRules(id).join(', ')}? (all rules: buildproxy rules)`,
    );
  }
  const md = ruleMarkdown(rule);
  io.out(values.markdown ? md : `${renderMarkdown(md, io.style(values['no-color'] === true))}\n`);
  return 0;
}
