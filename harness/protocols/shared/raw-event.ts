/** Safe readers for raw SDK events (unknown shapes) and the checker signature. */

export type Obj = Record<string, unknown>;

export const asObject = (value: unknown): Obj | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;

export const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const asNumber = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

export const asArray = (value: unknown): unknown[] | undefined => (Array.isArray(value) ? value : undefined);

/** `null` and `undefined` both mean "absent" on the wire. */
export const isPresent = (value: unknown): boolean => value !== null && value !== undefined;

export interface EventOrderOptions {
  /** The endpoint declares usage in streams (stream_usage): the checker then requires it where the protocol carries it. */
  usageExpected?: boolean;
}

/** Checks one complete stream's raw events; returns the violations (empty when the order is right). */
export type EventOrderChecker = (events: readonly unknown[], options?: EventOrderOptions) => string[];
