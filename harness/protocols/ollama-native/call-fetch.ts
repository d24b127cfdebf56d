/**
 * The `ollama` package takes no per-call signal or timeout (it aborts streams only through its
 * own controller), so each call gets a fetch that adds them: the caller's signal for the whole
 * call, and `timeoutMs` until the response headers arrive (a long stream is not cut by it).
 */
export function createCallFetch(inner: typeof fetch, options: { signal?: AbortSignal; timeoutMs?: number }): typeof fetch {
  return async (input, init) => {
    const timeout = new AbortController();
    const signals = [init?.signal, options.signal, timeout.signal].filter((signal): signal is AbortSignal => signal instanceof AbortSignal);
    const timer =
      options.timeoutMs !== undefined && options.timeoutMs > 0
        ? setTimeout(() => timeout.abort(new DOMException(`no response within ${options.timeoutMs} ms`, 'TimeoutError')), options.timeoutMs)
        : undefined;
    try {
      return await inner(input, { ...init, signal: AbortSignal.any(signals) });
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  };
}
