// `buildproxy verify` as text: one line per actor with its verdict, and for a failure what why read from it.
import type { VerifyReport, VerifyStepResult } from '@buildproxy/core';
import type { Style } from './style.js';

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function renderVerifyStep(s: VerifyStepResult, st: Style): string {
  const mark =
    s.status === 'ok'
      ? st.green('ok     ')
      : s.status === 'skipped'
        ? st.dim('skipped')
        : st.red(s.status === 'timeout' ? 'timeout' : 'FAILED ');
  const lines = [
    `${mark} ${st.bold(s.step.padEnd(8))} ${s.what}${s.status === 'skipped' ? '' : ` (${secs(s.durationMs)})`}`,
  ];
  if (s.status === 'ok' || s.status === 'skipped') lines.push(`        ${st.dim(s.detail)}`);
  const r = s.reading;
  if (r) {
    lines.push(`        ${r.title ? `${st.bold(r.title)} (${r.actor})` : `actor: ${r.actor}`}`);
    if (r.explanation) lines.push(`        ${r.explanation}`);
    if (r.rules.length) lines.push(`        rules: ${r.rules.join(', ')} (buildproxy explain RULE)`);
    for (const l of r.excerpt.split('\n').slice(-6)) lines.push(`        ${st.dim(`| ${l}`)}`);
    if (s.status === 'timeout') lines.push(`        ${s.detail}`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderVerify(r: VerifyReport, st: Style): string {
  const out = [`${st.bold('buildproxy verify')}  image ${r.image}\n`];
  out.push(`builder: ${r.builder ?? 'none reachable'}    RUN step fetches: ${r.url}\n\n`);
  for (const s of r.steps) out.push(renderVerifyStep(s, st));
  const c = r.cleanup;
  out.push('\n');
  if (c.removed.length) out.push(`Removed what verify added: ${c.removed.join(', ')}\n`);
  if (c.kept.length) out.push(`Left as it was (there before verify): ${c.kept.join(', ')}\n`);
  for (const f of c.failed) out.push(`${st.yellow('Not removed:')} ${f}\n`);
  const bad = r.steps.filter((s) => s.status === 'failed' || s.status === 'timeout');
  out.push(
    bad.length
      ? `${st.red(`${bad.length} of ${r.steps.length} steps failed`)}: run buildproxy doctor (add --network to test the proxy itself)\n`
      : `${st.green('Every step passed')}: client, runtime, builder and RUN steps reach the registry as configured.\n`,
  );
  return out.join('');
}
