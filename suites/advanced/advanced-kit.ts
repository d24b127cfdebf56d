import type { ChatRequest, ChatResponse } from '../../harness/contract/chat.ts';
import { VerifyError } from '../../harness/contract/verify-error.ts';
import type { TestContext } from '../../harness/suite/define.ts';
import { baseRequest } from '../../harness/suite/request.ts';

/** One chat call of the target's client with the test's deadline (temperature 0 and seed where carried). */
export function chatOnce(context: TestContext, fields: Omit<ChatRequest, 'model'>): Promise<ChatResponse> {
  return context.target.client.chat(baseRequest(context.target, fields), { signal: context.signal });
}

/**
 * Runs a call of an optional endpoint (embeddings, token counting). When the server answers that it
 * has no such route (HTTP 404 that names no model) or does not implement it (HTTP 501), the test is
 * `unsupported` at run time with the server's words — observed, not assumed; `--probe` reports it
 * as drift when the model declares the capability.
 */
export async function unsupportedWhenAbsent<T>(context: TestContext, what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof VerifyError && (error.status === 501 || (error.status === 404 && error.kind === 'invalid_request'))) {
      context.unsupported(`the endpoint has no ${what}: ${error.message}`);
    }
    throw error;
  }
}

/** Cosine similarity of two vectors of one length. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index += 1) {
    const x = a[index] ?? 0;
    const y = b[index] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/** `count` words of filler text (a one-token word in most tokenizers, with a varying number so no run compresses). */
export function fillerWords(count: number): string {
  const words: string[] = [];
  for (let index = 0; index < count; index += 1) words.push(index % 10 === 9 ? 'apple.' : 'apple');
  return words.join(' ');
}
