// A plan as DOM: each file and command with a copy button. Passwords are redacted on screen and in what is copied
// from the JSON view; the file blocks copy the real content, which is what the user asked for.
import { type Plan, redactAll } from '@buildproxy/core';

function block(title: string, text: string, lang: string): HTMLElement {
  const fig = document.createElement('figure');
  fig.className = 'bp-block';
  const cap = document.createElement('figcaption');
  cap.textContent = title;
  const pre = document.createElement('pre');
  pre.dataset.lang = lang;
  pre.tabIndex = 0; // scrollable: reachable by keyboard
  const code = document.createElement('code');
  code.textContent = redactAll(text);
  pre.append(code);
  const btn = document.createElement('button');
  btn.type = 'button';
  btn.className = 'bp-copy';
  btn.textContent = 'Copy';
  btn.setAttribute('aria-label', `Copy ${title}`);
  btn.addEventListener('click', async () => {
    await navigator.clipboard?.writeText(text);
    btn.textContent = 'Copied';
    setTimeout(() => (btn.textContent = 'Copy'), 1500);
  });
  fig.append(cap, btn, pre);
  return fig;
}

const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

export function renderPlanHtml(plan: Plan): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const c of plan.changes)
    out.push(block(`${c.path} (${c.target}${c.needsRoot ? ', needs root' : ''})`, c.after, 'ini'));
  if (plan.commands.length) {
    out.push(
      block(
        'Then run',
        plan.commands.map((c) => `${c.needsRoot ? 'sudo ' : ''}${c.argv.map(quote).join(' ')}`).join('\n'),
        'sh',
      ),
    );
  }
  for (const s of plan.snippets) out.push(block(s.title, s.text, s.language));
  for (const r of plan.refused ?? []) {
    const p = document.createElement('p');
    p.className = 'bp-error';
    p.textContent = `${r.target}: ${r.reason}`;
    out.push(p);
  }
  return out;
}
