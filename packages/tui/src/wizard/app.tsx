// The wizard: one screen per step, state in the reducer, side effects only here (through `effects`).
import { useApp } from 'ink';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Effects } from './effects.js';
import { type ActPhase, ActScreen } from './screens/act.js';
import { DetectScreen } from './screens/detect.js';
import { DoneScreen } from './screens/done.js';
import { Explanation, FoundScreen } from './screens/found.js';
import { NetworkScreen } from './screens/network.js';
import { PasteScreen } from './screens/paste.js';
import { ReviewScreen } from './screens/review.js';
import { VerifyScreen } from './screens/verify.js';
import { type ActOutcome, type Answers, initialState, reducer, type WizardState } from './state.js';

export interface AppProps {
  effects: Effects;
  given?: Partial<Answers>;
  color: boolean;
  canWriteHere: boolean;
  planFile: string;
  outDir: string;
  onState?: (s: WizardState) => void;
}

export function App({ effects, given, color, canWriteHere, planFile, outDir, onState }: AppProps) {
  const [s, dispatch] = useReducer(reducer, given, initialState);
  // The doctor's report for the proxy the user means (flags or answers), computed once per answer change and only
  // on the screens that show it.
  const showsReport = s.step === 'found' || s.step === 'verify' || s.step === 'done';
  const report = useMemo(
    () => (showsReport && s.evidence ? effects.report(s.evidence, s.answers, s.machine) : s.report),
    [showsReport, s.evidence, s.answers, s.report, s.machine, effects],
  );
  const [phase, setPhase] = useState<ActPhase>({ kind: 'choose' });
  const [commandsRun, setCommandsRun] = useState(false);
  // The outcome of writing, kept while the restart confirmation is on screen.
  const pending = useRef<ActOutcome | null>(null);
  const { exit } = useApp();
  onState?.(s);

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
  }, [effects, exit]);

  useEffect(() => {
    if (s.step !== 'review' || s.plan || s.planError || !s.evidence) return;
    try {
      dispatch({ type: 'planned', plan: effects.plan(s.evidence, s.answers, s.machine) });
    } catch (e) {
      dispatch({ type: 'plan-failed', error: (e as Error).message });
    }
  }, [s.step, s.plan, s.planError, s.evidence, s.answers, s.machine, effects]);

  useEffect(() => {
    if (s.step !== 'verify' || s.after) return;
    effects.verify(s.answers).then(
      (report) => dispatch({ type: 'verified', report }),
      (e: Error) => dispatch({ type: 'failed', error: e.message }),
    );
  }, [s.step, s.after, s.answers, effects]);

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
          onExplain={(rule) => dispatch({ type: 'explain', rule })}
          onNext={next}
        />
      );
    case 'network':
      return (
        <NetworkScreen
          answers={s.answers}
          choices={s.targetChoices}
          error={s.error}
          onAnswer={(patch) => dispatch({ type: 'answer', patch })}
          onBack={back}
          onNext={async () => {
            if (s.answers.tlsInspect) {
              const problem = s.answers.caCert
                ? await effects.checkCaFile(s.answers.caCert)
                : 'give the path of the corporate CA file';
              if (problem) return dispatch({ type: 'failed', error: problem });
            }
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
          color={color}
          onNext={next}
          onBack={back}
        />
      );
    case 'act':
      return (
        <ActScreen
          plan={s.plan!}
          phase={phase}
          canWriteHere={canWriteHere}
          planFile={planFile}
          outDir={outDir}
          onBack={back}
          onChoose={async (choice) => {
            setPhase({ kind: 'working' });
            dispatch({ type: 'acting' });
            const outcome = await effects.act(choice, s.plan!);
            if (choice === 'write' && outcome.ok && s.plan!.commands.length) {
              pending.current = outcome;
              setPhase({ kind: 'confirm', lines: outcome.lines });
              return;
            }
            dispatch({ type: 'acted', outcome });
          }}
          onConfirm={async (run) => {
            const outcome = pending.current!;
            if (run) {
              setPhase({ kind: 'working' });
              const lines = await effects.runCommands(s.plan!);
              setCommandsRun(true);
              dispatch({ type: 'acted', outcome: { ...outcome, lines: [...outcome.lines, ...lines] } });
            } else dispatch({ type: 'acted', outcome });
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
          commandsRun={commandsRun}
          onNext={next}
        />
      );
    case 'done':
      return <DoneScreen outcome={s.outcome!} before={report!} plan={s.plan!} />;
  }
}
