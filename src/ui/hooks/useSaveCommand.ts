/**
 * A settings form's save: the command under way (`busy`), what the service
 * refused (at a field or in general) and whether the last save went through.
 * Starting a save clears the last outcome.
 */
import { useCallback, useState } from 'react';
import { problemOf } from '../errors';
import type { Problem } from '../errors';

export interface SaveCommand {
  busy: boolean;
  problem: Problem | null;
  /** The last save went through. */
  done: boolean;
  save(command: () => Promise<unknown>): Promise<void>;
  /** A command outside a save failed (reading the form, listing ports): show it the same way. */
  fail(error: unknown): void;
}

export function useSaveCommand(): SaveCommand {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);

  const save = useCallback(async (command: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    setDone(false);
    try {
      await command();
      setDone(true);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  }, []);
  const fail = useCallback((error: unknown) => setProblem(problemOf(error)), []);

  return { busy, problem, done, save, fail };
}
