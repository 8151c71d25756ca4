// The wizard: one screen per step, state in the reducer, side effects only here (through `effects`).

import { readError } from '@buildproxy/core';
import { Box, useApp } from 'ink';
import { useEffect, useMemo, useReducer, useRef } from 'react';
import { KeyOrder } from './components/key-order.js';
import { useKeys } from './components/keys.js';
import { CancelContext } from './components/nav.js';
import { HELP_KEY, UiContext } from './components/ui-context.js';
import type { Effects } from './effects.js';
import { commandsDone } from './final.js';
import { foundOptions, foundOptionsLine } from './found-options.js';
import { runProxyTest } from './proxy-test.js';
import { ActScreen } from './screens/act.js';
import { DetectScreen } from './screens/detect.js';
import { DoneScreen } from './screens/done.js';
import { Explanation, FoundScreen } from './screens/found.js';
import { HelpScreen } from './screens/help.js';
import { NetworkScreen } from './screens/network.js';
import { PasteScreen } from './screens/paste.js';
import { ProxyTestScreen } from './screens/proxy-test.js';
import { ReviewScreen } from './screens/review.js';
import { VerifyScreen } from './screens/verify.js';
import { type Action, type Answers, initialState, reducer, type WizardState } from './state.js';

export interface AppProps {
  effects: Effects;
  given?: Partial<Answers>;
  color: boolean;
  canWriteHere: boolean;
  planFile: string;
  /** --root DIR: the commands the wizard shows name it */
  root?: string;
  outDir: string;
  onState?: (s: WizardState) => void;
  /** tests wrap the reducer to count or log actions */
  reducer?: typeof reducer;
}

export function App(props: AppProps) {
  const [s, dispatch] = useReducer(props.reducer ?? reducer, props.given, initialState);
  const { exit } = useApp();
  props.onState?.(s);
  // Ctrl-C (Ink's own handler is off) and q end the wizard at once, as cancelled; the entry says so, exit 130.
  const cancel = () => dispatch({ type: 'end', how: 'cancelled' });
  const typing = useRef({ count: 0 }).current;
  useKeys(
    (input, key) => {
      if (key.ctrl && input === 'c') cancel();
      // "?" is help, unless a text field with text has focus (then it is typed there)
      else if (input === HELP_KEY && !s.help && typing.count === 0) dispatch({ type: 'help', open: true });
    },
    { always: true },
  );
  useEffect(() => {
    if (s.ended) exit();
  }, [s.ended, exit]);
  const ui = useMemo(
    () => ({
      keysLive: !s.help,
      memory: s.memory,
      remember: (key: string, value: string | number) => dispatch({ type: 'remember', key, value }),
      typing,
    }),
    [s.help, s.memory, typing],
  );
  return (
    <CancelContext.Provider value={cancel}>
      <UiContext.Provider value={ui}>
        {/* the help covers the screen, which stays mounted underneath: its place, focus and probes go on */}
        <Box display={s.help ? 'none' : 'flex'} flexDirection="column">
          <Steps {...props} s={s} dispatch={dispatch} />
        </Box>
        {s.help ? <HelpScreen step={s.step} onClose={() => dispatch({ type: 'help', open: false })} /> : null}
      </UiContext.Provider>
      {/* last: its effect runs after the screen's own (see key-order.tsx) */}
      <KeyOrder />
    </CancelContext.Provider>
  );
}

function Steps({
  effects,
  color,
  canWriteHere,
  planFile,
  root,
  outDir,
  s,
  dispatch,
}: AppProps & { s: WizardState; dispatch: (a: Action) => void }) {
  // The doctor's report for the proxy the user means (flags or answers), computed once per answer change and only
  // on the screens that show it.
  const showsReport = ['found', 'paste', 'verify', 'done'].includes(s.step);
  const report = useMemo(
    () => (showsReport && s.evidence ? effects.report(s.evidence, s.answers, s.machine) : s.report),
    [showsReport, s.evidence, s.answers, s.report, s.machine, effects],
  );
  const { exit } = useApp();

  useEffect(() => {
    let live = true;
    effects
      .detect((line) => live && dispatch({ type: 'probe', line }))
      .then((r) => live && dispatch({ type: 'detected', ...r }))
      .catch((e: Error) => {
        exit(e);
      });
    return () => {
      live = false;
    };
  }, [effects, exit, dispatch]);

  // The preselection follows the proxy the user means (typed on an unconfigured machine, the findings change),
  // while the user keeps it as offered: the reducer decides that.
  const { proxy, httpsProxy, separateHttps, noProxy, registries, mirrors } = s.answers;
  useEffect(() => {
    if (s.step !== 'network' || !s.evidence) return;
    const picked = effects.preselect(s.evidence, s.answers, s.machine, s.targetChoices);
    dispatch({ type: 'preselect', ...picked });
  }, [s.step, s.evidence, proxy, httpsProxy, separateHttps, noProxy, registries, mirrors]);

  useEffect(() => {
    if (s.step !== 'review' || s.plan || s.planError || !s.evidence) return;
    try {
      dispatch({ type: 'planned', plan: effects.plan(s.evidence, s.answers, s.machine) });
    } catch (e) {
      dispatch({ type: 'plan-failed', error: (e as Error).message });
    }
  }, [s.step, s.plan, s.planError, s.evidence, s.answers, s.machine, effects, dispatch]);

  useEffect(() => {
    if (s.step !== 'verify' || s.after) return;
    effects.verify(s.answers).then(
      (report) => dispatch({ type: 'verified', report }),
      (e: Error) => dispatch({ type: 'failed', error: e.message }),
    );
  }, [s.step, s.after, s.answers, effects, dispatch]);

  const next = () => dispatch({ type: 'next' });
  const back = () => dispatch({ type: 'back' });

  switch (s.step) {
    case 'detect':
      return <DetectScreen probes={s.probes} />;
    case 'found':
      return s.explaining ? (
        <Explanation rule={s.explaining} color={color} onBack={back} />
      ) : (
        <FoundScreen
          report={report!}
          proxyKnown={!!(s.answers.proxy || s.answers.httpsProxy)}
          options={foundOptionsLine(foundOptions(report!, s.answers, s.suggested))}
          proxyTestOff={effects.proxyTestOff}
          onNoProxy={() => dispatch({ type: 'end', how: 'no-proxy-needed' })}
          onExplain={(rule) => dispatch({ type: 'explain', rule })}
          onNext={next}
        />
      );
    case 'network':
      // The proxy test runs once the form is answered (when a proxy is set and the probes are available).
      if (s.proxyTest)
        return <ProxyTestScreen test={s.proxyTest} color={color} onNext={next} onBack={back} />;
      return (
        <NetworkScreen
          answers={s.answers}
          choices={s.targetChoices}
          why={s.why}
          error={s.error}
          suggested={s.suggested}
          onAnswer={(patch) => dispatch({ type: 'answer', patch })}
          onBack={back}
          onNext={async () => {
            if (s.answers.tlsInspect) {
              const problem = s.answers.caCert
                ? await effects.checkCaFile(s.answers.caCert)
                : 'give the path of the corporate CA file';
              if (problem) return dispatch({ type: 'failed', error: problem });
            }
            if (effects.captureNetwork && (s.answers.proxy || s.answers.httpsProxy))
              return runProxyTest(effects, s, dispatch);
            next();
          }}
        />
      );
    case 'paste':
      return (
        <PasteScreen
          text={s.answers.errorText}
          command={s.answers.buildCommand}
          error={s.error}
          // the detected machine, so the paste step names the requester ("builder "ci" (docker-container)")
          machine={s.machine}
          report={report}
          onChange={(errorText) => dispatch({ type: 'answer', patch: { errorText } })}
          onCommand={(buildCommand) => dispatch({ type: 'answer', patch: { buildCommand } })}
          onNext={async () => {
            // A changed build command is read now, so the review plans for the builder that command reaches.
            const text = s.answers.buildCommand.trim();
            if (s.evidence && text !== (s.evidence.buildCommand?.text ?? '')) {
              try {
                const { buildCommand: _, ...without } = s.evidence;
                dispatch({ type: 'command', ...(await effects.command(without, text)) });
              } catch (e) {
                return dispatch({ type: 'failed', error: (e as Error).message });
              }
            }
            next();
          }}
          onBack={back}
        />
      );
    case 'review':
      return (
        <ReviewScreen
          plan={s.plan}
          error={s.planError}
          fromError={s.fromError}
          why={s.why}
          reading={s.answers.errorText.trim() ? readError(s.answers.errorText, s.machine) : null}
          machine={s.machine}
          color={color}
          onNext={next}
          onBack={back}
        />
      );
    case 'act':
      return (
        <ActScreen
          plan={s.plan!}
          phase={s.act}
          canWriteHere={canWriteHere}
          planFile={planFile}
          root={root}
          outDir={outDir}
          onBack={back}
          onChoose={async (choice) => {
            dispatch({ type: 'working' });
            const outcome = await effects.act(choice, s.plan!);
            if (choice === 'write' && outcome.ok && s.plan!.commands.length)
              return dispatch({ type: 'confirm-commands', outcome });
            dispatch({ type: 'acted', outcome });
          }}
          onConfirm={async (run) => {
            if (s.act.kind !== 'confirm') return;
            const { outcome } = s.act;
            if (!run) return dispatch({ type: 'acted', outcome });
            dispatch({ type: 'working' });
            const lines = await effects.runCommands(s.plan!);
            dispatch({
              type: 'acted',
              outcome: { ...outcome, lines: [...outcome.lines, ...lines] },
              commandsRun: commandsDone(lines, s.plan!),
            });
          }}
        />
      );
    case 'verify':
      return (
        <VerifyScreen
          before={report!}
          after={s.after}
          outcome={s.outcome!}
          plan={s.plan!}
          commandsRun={s.commandsRun}
          color={color}
          onNext={next}
        />
      );
    case 'done':
      return (
        <DoneScreen
          outcome={s.outcome!}
          after={s.after}
          plan={s.plan!}
          color={color}
          root={root}
          onExit={() => dispatch({ type: 'end', how: 'done' })}
        />
      );
  }
}
