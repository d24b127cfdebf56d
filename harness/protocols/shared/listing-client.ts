import type { ChatRequest, ChatResponse } from '../../contract/chat.ts';
import type { CallOptions, ModelListing, ProtocolClient, ProtocolId } from '../../contract/protocol-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import type { Transcript } from '../../contract/transcript.ts';
import { healthFromListing } from './model-listing.ts';
import { normalizeRecorded } from './record-stream.ts';

/** The SDK calls of a protocol whose health is its model listing, each named by the HTTP call it makes. */
export interface ListingClientCalls<Raw> {
  protocol: ProtocolId;
  transcript: Transcript;
  /** Maps anything an SDK call throws to a VerifyError; `where` names the call ("POST /v1/messages"). */
  fail(error: unknown, where: string): Error;
  chat: { where: string; call(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse> };
  stream: { where: string; open(request: ChatRequest, signal?: AbortSignal): Promise<AsyncIterable<Raw>>; normalize(recorded: AsyncIterable<Raw>): AsyncIterable<StreamEvent> };
  listModels: { where: string; call(signal?: AbortSignal): Promise<ModelListing[]> };
}

async function named<T>(where: string, fail: ListingClientCalls<unknown>['fail'], call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw fail(error, where);
  }
}

/**
 * A ProtocolClient over an SDK: every call's error is mapped with the call's name, raw stream
 * events are recorded in the transcript before they are normalized, and health is the listing.
 */
export function listingClient<Raw>(calls: ListingClientCalls<Raw>): ProtocolClient {
  const { fail } = calls;
  const client: ProtocolClient = {
    protocol: calls.protocol,
    transcript: calls.transcript,
    chat: (request: ChatRequest, options?: CallOptions) => named(calls.chat.where, fail, () => calls.chat.call(request, options?.signal)),
    async *stream(request: ChatRequest, options?: CallOptions): AsyncGenerator<StreamEvent> {
      const events = await named(`${calls.stream.where} (stream)`, fail, () => calls.stream.open(request, options?.signal));
      yield* normalizeRecorded(events, calls.transcript, calls.stream.normalize, (error) => fail(error, 'stream'));
    },
    listModels: (options?: CallOptions) => named(calls.listModels.where, fail, () => calls.listModels.call(options?.signal)),
    health: async (options?: CallOptions) => healthFromListing(await client.listModels(options)),
    async close() {},
  };
  return client;
}
