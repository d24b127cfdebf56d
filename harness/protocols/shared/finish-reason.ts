import type { FinishReason } from '../../contract/chat.ts';

/** One wire protocol's own finish/stop reasons and what each means in the contract. */
export type FinishReasonTable = Readonly<Record<string, FinishReason>>;

/** Normalizes a raw finish reason by one protocol's table; undefined when the wire carried none. */
export type FinishReasonMapper = (raw: string | null | undefined, hasToolCalls?: boolean) => FinishReason | undefined;

/**
 * A mapper over one protocol's table. `hasToolCalls` turns a plain stop into tool_calls for
 * protocols whose stop reason does not distinguish a tool-call turn (Gemini, Ollama). Reasons the
 * table does not know map to 'error' (never guessed; the raw reason is kept beside it); a missing
 * reason stays missing (undefined), calls or not.
 */
export function finishReasonMapper(table: FinishReasonTable): FinishReasonMapper {
  return (raw, hasToolCalls = false) => {
    if (raw === null || raw === undefined || raw === '') return undefined;
    const mapped = Object.hasOwn(table, raw) ? (table[raw] ?? 'error') : 'error';
    return mapped === 'stop' && hasToolCalls ? 'tool_calls' : mapped;
  };
}
