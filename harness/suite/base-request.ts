import type { ChatRequest } from '../contract/chat.ts';
import type { Target } from './define.ts';

export const DEFAULT_SEED = 42;

/**
 * A request for the target's model with temperature 0 and a fixed seed, each only where the
 * protocol carries it: adapters refuse parameters their protocol cannot send (never drop them
 * silently), so tests build on this.
 */
export function baseRequest(target: Target, fields: Omit<ChatRequest, 'model'>): ChatRequest {
  const request: ChatRequest = { model: target.model.id, ...fields };
  if (target.capabilities.temperature !== false && request.temperature === undefined) request.temperature = 0;
  if (target.capabilities.seed !== false && request.seed === undefined) request.seed = DEFAULT_SEED;
  return request;
}
