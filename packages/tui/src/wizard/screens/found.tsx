import { ACTORS, findRule, markOf, notCapturedLines, type Report, ruleMarkdown } from '@buildproxy/core';
import { Box } from 'ink';
import { renderMarkdown } from '../../render/markdown.js';
import { makeStyle } from '../../render/style.js';
import { Mark, Screen, useTerminalSize, useViewportHeight } from '../components/chrome.js';
import { useNavKeys } from '../components/nav.js';
import { ScrollView, useScroll, wrapLines } from '../components/scroll.js';
import { Select } from '../components/select.js';
import { Text } from '../components/text.js';
import { wrapRows } from '../components/wrap.js';
import { Wrapped } from '../components/wrapped.js';

export function Explanation({ rule, onBack, color }: { rule: string; onBack: () => void; color: boolean }) {
  const r = findRule(rule);
  const { columns } = useTerminalSize();
  const lines = wrapLines(
    r ? reflow(renderMarkdown(ruleMarkdown(r), makeStyle(false)).split('\n')) : [`unknown rule ${rule}`],
    columns,
  );
  const height = useViewportHeight(2);
  const top = useScroll(lines.length, height);
  useNavKeys({ onBack });
  return (
    <Screen step="found" keys="↑↓ scroll · esc/b back to the findings · q quit">
      <ScrollView lines={lines} top={top} height={height} color={color} />
      <Text dimColor>
        lines {top + 1}–{Math.min(lines.length, top + height)} of {lines.length} · as buildproxy explain{' '}
        {rule}
      </Text>
    </Screen>
  );
}

/**
 * A paragraph's lines joined into one before wrapping: the rule texts break their source lines at ~100 columns, and
 * wrapping each of those on its own left ragged rows ("… the proxies section" / "  of" / "~/.docker/…"). Blank
 * lines, indented lines (code, examples) and list items stay as they are.
 */
export function reflow(lines: string[]): string[] {
  const prose = (t: string | undefined) => !!t && !/^\s/.test(t) && !/^([-*•]|\d+\.)\s/.test(t);
  const out: string[] = [];
  for (const l of lines) {
    const last = out.length - 1;
    if (last >= 0 && prose(out[last]) && prose(l) && !/^([-*•]|\d+\.)\s/.test(l))
      out[last] = `${out[last]} ${l}`;
    else out.push(l);
  }
  return out;
}

export function FoundScreen({
  report,
  proxyKnown = true,
  options = null,
  proxyTestOff = null,
  onExplain,
  onNext,
  onNoProxy = () => {},
}: {
  report: Report;
  /** a proxy was given or found: without one, nothing is "healthy", the wizard asks whether one is needed */
  proxyKnown?: boolean;
  /** "Found network options: …", each value with where it was read (found-options.ts) */
  options?: string | null;
  /** why the proxy test will not run (--from, --root), said before the user answers the network step */
  proxyTestOff?: string | null;
  onExplain: (rule: string) => void;
  onNext: () => void;
  onNoProxy?: () => void;
}) {
  useNavKeys({});
  const { columns } = useTerminalSize();
  const viewport = useViewportHeight(0);
  // The frame must stay shorter than the terminal (else Ink clears the screen and the scrollback): the actors and
  // at least three list rows first, then the notes; the options paragraph gives way (the network step shows all).
  const actorRows = ACTORS.reduce(
    (n, a) => n + wrapRows(httpsOf(report.actors[a]), columns - 10, 0).length,
    0,
  );
  const testNote = proxyTestOff ? wrapRows(`Proxy test: ${proxyTestOff}`, columns) : [];
  // Under --root without DIR/proc the daemons were not seen (never the host's in their place): said, as doctor does
  const captureNote = notCapturedLines(report.notCaptured ?? []).flatMap((l) =>
    wrapRows(`Not captured: ${l}`, columns),
  );
  const room = Math.max(
    0,
    viewport - actorRows - 2 - Math.min(report.findings.length + 1, 3) - testNote.length - captureNote.length,
  );
  let optionRows = options ? wrapRows(options, columns) : [];
  if (optionRows.length > room)
    optionRows = room
      ? [...optionRows.slice(0, room - 1), `${optionRows[room - 1]!.slice(0, columns - 2)} …`]
      : [];
  const notes = [...optionRows, ...testNote, ...captureNote];
  const listRoom = Math.max(3, viewport - actorRows - notes.length - 2);
  if (!proxyKnown) return <NoProxyKnown report={report} onNext={onNext} onNoProxy={onNoProxy} />;
  // Labels wrapped here (two columns go to the "❯ " marker), under the title's start, so each item's rows are
  // known: the list shows as many items as fit its rows. Counting items, not rows, let wrapped titles push the frame
  // past a 60×20 terminal, and Ink then cleared the screen and the scrollback on the next key.
  const items = [
    ...report.findings.map((f, i) => ({
      value: `${i}`,
      label: wrapRows(`${markOf(f.severity).glyph} ${f.rule}: ${f.title}`, columns - 2, 2).join('\n'),
    })),
    { value: 'next', label: report.findings.length ? 'Continue: fix it →' : 'Continue →' },
  ];
  const limit = itemsThatFit(
    items.map((it) => it.label.split('\n').length),
    listRoom,
  );
  return (
    <Screen step="found" keys="↑↓/jk move · enter explain a finding or continue · q quit">
      {ACTORS.map((a) => {
        const s = report.actors[a];
        // the value wraps under itself (a long URL is never cut with "…")
        return (
          <Box key={a}>
            <Text>
              <Mark verdict={s.verdict} /> <Text bold>{a.padEnd(8)}</Text>
            </Text>
            <Wrapped margin={10} indent={0} dimColor>
              {httpsOf(s)}
            </Wrapped>
          </Box>
        );
      })}
      {notes.map((n, i) => (
        // rows wrapped above: each fits
        <Text key={`${i}-${n}`} wrap="truncate">
          {n}
        </Text>
      ))}
      <Box marginTop={1} flexDirection="column">
        <Text>{report.findings.length ? `${report.findings.length} finding(s):` : 'No problems found.'}</Text>
        <Select
          items={items}
          limit={limit}
          remember="found.item"
          onSelect={(v) => (v === 'next' ? onNext() : onExplain(report.findings[Number(v)]!.rule))}
        />
      </Box>
    </Screen>
  );
}

/** How many items a list window may show so that any run of them fits `rows`: the tallest ones counted. */
export function itemsThatFit(heights: number[], rows: number): number {
  const tallest = [...heights].sort((a, b) => b - a);
  let used = 0;
  let n = 0;
  while (n < tallest.length && used + tallest[n]! <= rows) used += tallest[n++]!;
  return Math.max(1, n);
}

function httpsOf(s: Report['actors'][keyof Report['actors']]): string {
  if (s.httpsProxy) return `${s.httpsProxy.value} (${s.httpsProxy.source})`;
  return s.status === 'known' ? 'no HTTPS_PROXY' : 'not inspected';
}

/** Nothing is configured anywhere: ask, never call the machine healthy. */
function NoProxyKnown({
  report,
  onNext,
  onNoProxy,
}: {
  report: Report;
  onNext: () => void;
  onNoProxy: () => void;
}) {
  return (
    <Screen step="found" keys="↑↓/jk move · enter choose · q quit">
      <Text>No proxy is set anywhere buildproxy looked:</Text>
      {ACTORS.map((a) => (
        // a long label continues under itself, not at column 0 ("…config.json proxies): no" / "proxy")
        <Wrapped key={a} indent={13} dimColor>
          {`  ? ${a.padEnd(8)} ${report.actors[a].label}: no proxy`}
        </Wrapped>
      ))}
      <Wrapped>That is fine only if this network reaches the internet directly.</Wrapped>
      <Box marginTop={1} flexDirection="column">
        <Text bold>Does your network need a proxy for builds?</Text>
        <Select
          items={[
            { value: 'yes', label: 'Yes: enter the proxy →' },
            { value: 'no', label: 'No: builds reach the internet directly (change nothing)' },
          ]}
          onSelect={(v) => (v === 'yes' ? onNext() : onNoProxy())}
        />
      </Box>
    </Screen>
  );
}
