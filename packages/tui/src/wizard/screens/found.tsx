import { ACTORS, findRule, markOf, type Report, ruleMarkdown } from '@buildproxy/core';
import { Box } from 'ink';
import { renderMarkdown } from '../../render/markdown.js';
import { makeStyle } from '../../render/style.js';
import { Mark, Screen } from '../components/chrome.js';
import { useNavKeys } from '../components/nav.js';
import { ScrollView, useScroll } from '../components/scroll.js';
import { Select } from '../components/select.js';
import { Text } from '../components/text.js';

export function Explanation({ rule, onBack, color }: { rule: string; onBack: () => void; color: boolean }) {
  const r = findRule(rule);
  const lines = r ? renderMarkdown(ruleMarkdown(r), makeStyle(color)).split('\n') : [`unknown rule ${rule}`];
  const height = 16;
  const top = useScroll(lines.length, height);
  useNavKeys({ onBack });
  return (
    <Screen step="found" keys="↑↓ scroll · esc/b back to the findings · q quit">
      <ScrollView lines={lines} top={top} height={height} />
      <Text dimColor>
        lines {top + 1}–{Math.min(lines.length, top + height)} of {lines.length} · same text as buildproxy
        explain {rule}
      </Text>
    </Screen>
  );
}

export function FoundScreen({
  report,
  onExplain,
  onNext,
}: {
  report: Report;
  onExplain: (rule: string) => void;
  onNext: () => void;
}) {
  useNavKeys({});
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
          limit={9}
          onSelect={(v) => (v === 'next' ? onNext() : onExplain(report.findings[Number(v)]!.rule))}
        />
      </Box>
    </Screen>
  );
}
