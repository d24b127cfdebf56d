/** Monotonic milliseconds for event timestamps. */
export const now = (): number => performance.now();
