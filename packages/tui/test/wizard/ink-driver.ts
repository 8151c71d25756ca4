// Driving an Ink app under ink-testing-library: one copy of the wait and key helpers the wizard tests share.

/** One turn of the event loop and a timer: enough for Ink to render and React to run passive effects. */
export const tick = () => new Promise((r) => setImmediate(() => setTimeout(r, 0)));

/** The first frame that matches, after two more ticks: a visible frame's input handlers attach in a passive effect. */
export async function waitFor(
  frame: () => string | undefined,
  pred: (f: string) => boolean,
  ms = 20_000,
): Promise<string> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const f = frame() ?? '';
    if (pred(f)) {
      await tick();
      await tick();
      return f;
    }
    await tick();
  }
  throw new Error(`frame never matched:\n${frame()}`);
}

/** Each key written on its own, with time for the screen to take it before the next. */
export async function press(stdin: { write: (s: string) => void }, ...keys: string[]) {
  for (const k of keys) {
    stdin.write(k);
    await tick();
    await tick();
  }
}

/**
 * The terminal made `columns`×`rows`: ink-testing-library's stdout is always 100 columns with no rows. Ink and the
 * wizard's useTerminalSize both follow the "resize" event, as they do on a real terminal.
 */
export async function resize(
  stdout: NodeJS.EventEmitter & object,
  columns: number,
  rows: number,
): Promise<void> {
  Object.defineProperty(stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(stdout, 'rows', { value: rows, configurable: true });
  stdout.emit('resize');
  await tick();
  await tick();
}
