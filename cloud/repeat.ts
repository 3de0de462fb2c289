/**
 * A background job of the cloud (the sender, the automations' daily run):
 * one round now, the next `intervalMs` after each round ends (never two at
 * once), an error reported and the rounds going on; stop() waits for the
 * round under way.
 */
export function repeatEvery(
  round: () => Promise<unknown>,
  intervalMs: number,
  onError?: (error: unknown) => void,
): { stop(): Promise<void> } {
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const tick = () => {
    if (stopped) return;
    current = round()
      .catch((error: unknown) => onError?.(error))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
