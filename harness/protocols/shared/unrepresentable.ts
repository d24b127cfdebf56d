import type { ChatRequest } from '../../contract/chat.ts';
import { unrepresentable } from '../../contract/verify-error.ts';

/** Request fields a protocol has no parameter for, each with its wire name. */
export type Unrepresentable = ReadonlyArray<readonly [keyof ChatRequest, string]>;

/**
 * Refuses (never silently drops) a request field the protocol cannot carry, so a test that needs
 * it is `unsupported` on this protocol (kind unrepresentable), never a fail of the endpoint.
 */
export function assertRepresentable(request: ChatRequest, fields: Unrepresentable, protocol: string, api: string): void {
  for (const [field, wireName] of fields) {
    if (request[field] !== undefined) {
      throw unrepresentable(`${protocol}: the ${api} has no '${wireName}' parameter; this adapter cannot send ChatRequest.${field}`);
    }
  }
}
