// "?" on any screen (issue 18): what this step is for and every key it takes, over the screen, which keeps its
// place, focus and answers underneath. Short enough for a 60×20 terminal.
import { Box } from 'ink';
import { Screen } from '../components/chrome.js';
import { useKeys } from '../components/keys.js';
import { Text } from '../components/text.js';
import type { Step } from '../state.js';

const FIELD_KEYS = [
  'In a text field: ←/→ move, Home/End or ctrl-a/e to the ends,',
  '  backspace, ctrl-d delete, ctrl-u/ctrl-k clear before/after, ctrl-w a word.',
];

export const HELP: Record<Step, string[]> = {
  detect: [
    'buildproxy reads docker, buildx, systemd and config files, each with a timeout.',
    'Nothing is changed. q or ctrl-c stops it at once.',
  ],
  found: [
    'What the doctor found for each requester: dockerd, the builder, RUN steps, the client.',
    '↑↓ or j/k move; enter on a finding explains it (esc comes back); enter on Continue goes on.',
    'Nothing is written until the Act step.',
  ],
  network: [
    'Your proxy and what goes direct. tab/shift-tab or ↑↓ move between fields.',
    'Yes/no questions: y, n or space. ctrl-r shows the password in the proxy URL while you are in it.',
    'What to fix: space toggles a change, enter continues; ↑ at the top goes back to the fields.',
    ...FIELD_KEYS,
    'esc goes back to the findings; your answers stay.',
  ],
  paste: [
    'Optional: paste the failing build output; buildproxy says which requester failed and why.',
    'tab switches to the build command (e.g. buildctl build …), which picks the builder to fix.',
    'enter continues (or skips when both are empty).',
    ...FIELD_KEYS,
    'esc goes back to your network answers.',
  ],
  review: [
    'Every file the plan writes, as a diff, and the commands it runs. ↑↓/j/k or space scroll.',
    'enter chooses what to do with it; esc goes back to change your answers.',
  ],
  act: [
    'Write the files now (backups are made), save the plan for sudo buildproxy apply,',
    'write them into a folder to copy, or print them to copy by hand.',
    'Restart commands are asked for separately: y runs them, n leaves them printed.',
  ],
  verify: ['The doctor again, after the change: what is fixed and what is still open.'],
  done: ['What was written and the next steps; they stay printed after the wizard ends.'],
};

export function HelpScreen({ step, onClose }: { step: Step; onClose: () => void }) {
  useKeys(
    (input, key) => {
      if (key.escape || key.return || input === '?' || input === 'q') onClose();
    },
    { always: true },
  );
  return (
    <Screen step={step} keys="esc, enter or ? back to the step · ctrl-c quit">
      <Text bold>Help</Text>
      <Box flexDirection="column" marginTop={1}>
        {HELP[step].map((line) => (
          <Text key={line}>{line}</Text>
        ))}
      </Box>
    </Screen>
  );
}
