import { ACTORS, findRule, markOf, type Report, ruleMarkdown } from '@buildproxy/core';
import { Box } from 'ink';
import { renderMarkdown } from '../../render/markdown.js';
import { makeStyle } from '../../render/style.js';
import { Mark, Screen, useTerminalSize, useViewportHeight } from '../components/chrome.js';
import { useNavKeys } from '../components/nav.js';
import { ScrollView, useScroll, wrapLines } from '../components/scroll.js';
import { Select } from '../components/select.js';
import { Text } from '../components/text.js';

export function Explanation({ rule, onBack, color }: { rule: string; onBack: () => void; color: boolean }) {
  const r = findRule(rule);
  const { columns } = useTerminalSize();
  const lines = wrapLines(
    r ? renderMarkdown(ruleMarkdown(r), makeStyle(false)).split('\n') : [`unknown rule ${rule}`],
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

export function FoundScreen({
  report,
  proxyKnown = true,
  onExplain,
  onNext,
  onNoProxy = () => {},
}: {
  report: Report;
  /** a proxy was given or found: without one, nothing is "healthy", the wizard asks whether one is needed */
  proxyKnown?: boolean;
  onExplain: (rule: string) => void;
  onNext: () => void;
  onNoProxy?: () => void;
}) {
  useNavKeys({});
  // the actors (4), the count line and the gaps: the list gets the rest of the screen
  const listRoom = Math.max(3, useViewportHeight(0) - 6);
  if (!proxyKnown) return <NoProxyKnown report={report} onNext={onNext} onNoProxy={onNoProxy} />;
  const items = [
    ...report.findings.map((f, i) => ({
      value: `${i}`,
      label: `${markOf(f.severity).glyph} ${f.rule}: ${f.title}`,
    })),
    { value: 'next', label: report.findings.length ? 'Continue: fix it →' : 'Continue →' },
  ];
  return (
    <Screen step="found" keys="↑↓/jk move · enter explain a finding or continue · q quit">
      {ACTORS.map((a) => {
        const s = report.actors[a];
        const https = s.httpsProxy
          ? `${s.httpsProxy.value} (${s.httpsProxy.source})`
          : s.status === 'known'
            ? 'no HTTPS_PROXY'
            : 'not inspected';
        return (
          <Text key={a} wrap="truncate">
            <Mark verdict={s.verdict} /> <Text bold>{a.padEnd(8)}</Text>
            <Text dimColor>{https}</Text>
          </Text>
        );
      })}
      <Box marginTop={1} flexDirection="column">
        <Text>{report.findings.length ? `${report.findings.length} finding(s):` : 'No problems found.'}</Text>
        <Select
          items={items}
          limit={listRoom}
          remember="found.item"
          onSelect={(v) => (v === 'next' ? onNext() : onExplain(report.findings[Number(v)]!.rule))}
        />
      </Box>
    </Screen>
  );
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
        <Text key={a} dimColor>
          {'  '}? {a.padEnd(8)} {report.actors[a].label}: no proxy
        </Text>
      ))}
      <Text>That is fine only if this network reaches the internet directly.</Text>
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
