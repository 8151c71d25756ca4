// The whole wizard under ink-testing-library on the fake effects, its reducer state followed: the start most wizard
// tests share.
import { render } from 'ink-testing-library';
import { App } from '../../src/wizard/app.js';
import type { WizardState } from '../../src/wizard/state.js';
import { fakeEffects } from './fake-effects.js';

export function renderApp() {
  let state: WizardState | null = null;
  const r = render(
    <App
      effects={fakeEffects()}
      color={false}
      canWriteHere
      planFile="/tmp/p.json"
      outDir="/tmp/out"
      onState={(s) => {
        state = s;
      }}
    />,
  );
  return { ...r, state: () => state! };
}
