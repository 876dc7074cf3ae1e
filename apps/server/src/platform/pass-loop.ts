// The shape of every background loop here (the scheduler, feed sync, media import): run a pass, wait,
// run the next; never two passes at once; a failed pass is reported and the loop goes on. Stopping aborts
// the signal the pass was given (so it can give back the work in hand) and waits for it to finish.
export function startPassLoop(
  pass: (signal: AbortSignal) => Promise<unknown>,
  options: { intervalMs: number; firstDelayMs?: number; onError: (error: unknown) => void },
): () => Promise<void> {
  const controller = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout;
  const tick = () => {
    running = pass(controller.signal)
      .catch(options.onError)
      .finally(() => {
        if (!controller.signal.aborted) timer = setTimeout(tick, options.intervalMs).unref();
      });
  };
  timer = setTimeout(tick, options.firstDelayMs ?? options.intervalMs).unref();
  return async () => {
    controller.abort();
    clearTimeout(timer);
    await running;
  };
}
