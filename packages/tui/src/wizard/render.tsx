// Loaded only after FORCE_COLOR is settled (chalk reads it at import time).
import { render } from 'ink';
import { App, type AppProps } from './app.js';
import type { WizardState } from './state.js';
import { yogaReady } from './yoga-sync.js';

/** Runs the wizard until it ends; its last state, from which the entry prints the final block. */
export async function renderWizard(props: AppProps): Promise<WizardState | null> {
  await yogaReady;
  let last: WizardState | null = null;
  // Ctrl-C is the app's: "Cancelled — nothing written", exit 130, at once (Ink's handler would exit silently).
  const instance = render(
    <App
      {...props}
      onState={(s) => {
        last = s;
      }}
    />,
    { exitOnCtrlC: false },
  );
  await instance.waitUntilExit();
  return last;
}
