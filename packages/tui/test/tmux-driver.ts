// Driving the built CLI in a real terminal: one tmux session per test file, read back as the user would see it.
// The wizard-pty, wizard-layout-pty and wizard-keys-pty tests share this one copy of the waits and key sending.
import { execFileSync, spawnSync } from 'node:child_process';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The screen with wrapped lines joined (a URL wraps at 60 columns): what a search for a value should read. */
export const flat = (s: string) => s.replace(/\n */g, '');

/**
 * `name` keeps parallel test files apart. With `flatMatch`, a string is looked for in the screen with its wrapped
 * lines joined. `until` waits `settleMs` after a match (0: the screen as matched, for tests of what it shows first).
 */
export function tmuxDriver(name: string, opts: { flatMatch?: boolean; settleMs?: number } = {}) {
  const settleMs = opts.settleMs ?? 200;
  const session = `bp-${name}-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
  const screen = () => tmux('capture-pane', '-p', '-t', session);
  return {
    session,
    tmux,
    screen,
    /** Everything the terminal holds, the scrollback and the screen; `joined` undoes the terminal's wrapping. */
    history: (joined = false) =>
      tmux('capture-pane', '-p', ...(joined ? ['-J'] : []), '-S', '-', '-t', session),
    /** The screen with its colours and attributes as escapes. */
    styled: () => tmux('capture-pane', '-p', '-e', '-t', session),
    /** A detached session of `cols`×`rows` running the shell command `cmd`. */
    start: (cmd: string, cols: number, rows: number) =>
      tmux('new-session', '-d', '-s', session, '-x', String(cols), '-y', String(rows), cmd),
    /** The screen once it shows `text`, after a moment to settle; throws with the screen after `ms`. */
    async until(text: string | RegExp, ms = 45_000): Promise<string> {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        const s = screen();
        if (typeof text === 'string' ? (opts.flatMatch ? flat(s) : s).includes(text) : text.test(s)) {
          if (settleMs === 0) return s;
          await sleep(settleMs);
          return screen();
        }
        await sleep(80);
      }
      throw new Error(`screen never showed ${text}:\n${screen()}`);
    },
    /** Keys sent one by one, with time for the screen to take each. */
    async keys(...ks: string[]) {
      for (const k of ks) {
        tmux('send-keys', '-t', session, k);
        await sleep(150);
      }
    },
    kill: () => spawnSync('tmux', ['kill-session', '-t', session]),
  };
}
