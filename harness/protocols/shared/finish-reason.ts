import type { FinishReason } from '../../contract/chat.ts';

/** One wire protocol's own finish/stop reasons and what each means in the contract. */
export type FinishReasonTable = Readonly<Record<string, FinishReason>>;

/** Normalizes a raw finish reason by one protocol's table. */
export type FinishReasonMapper = (raw: string | null | undefined, hasToolCalls?: boolean) => FinishReason;

/**
 * A mapper over one protocol's table. `hasToolCalls` turns a plain stop into tool_calls for
 * protocols that do not say so themselves (Gemini, Ollama). Reasons the table does not know map
 * to 'error' (never guessed), and so does a missing reason unless calls were made.
 */
export function finishReasonMapper(table: FinishReasonTable): FinishReasonMapper {
  return (raw, hasToolCalls = false) => {
    if (raw === null || raw === undefined || raw === '') return hasToolCalls ? 'tool_calls' : 'error';
    const mapped = Object.hasOwn(table, raw) ? (table[raw] ?? 'error') : 'error';
    return mapped === 'stop' && hasToolCalls ? 'tool_calls' : mapped;
  };
}
