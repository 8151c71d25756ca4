// Loaded only after FORCE_COLOR is settled (chalk reads it at import time).
import { render } from 'ink';
import { App, type AppProps } from './app.js';
import { yogaReady } from './yoga-sync.js';

export async function renderWizard(props: AppProps): Promise<void> {
  await yogaReady;
  const instance = render(<App {...props} />, { exitOnCtrlC: true });
  await instance.waitUntilExit();
}
