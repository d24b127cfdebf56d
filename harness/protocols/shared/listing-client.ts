import type { ChatRequest, ChatResponse } from '../../contract/chat.ts';
import type { CallOptions, ModelListing, ProtocolClient, ProtocolId } from '../../contract/protocol-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import type { Transcript } from '../../contract/transcript.ts';
import { healthFromListing } from './model-listing.ts';
import type { VerifyError } from '../../contract/verify-error.ts';
import { ownCode, sdkCall } from './call-boundary.ts';
import { normalizeRecorded } from './record-stream.ts';

/**
 * The SDK calls of a protocol whose health is its model listing, each named by the HTTP call it
 * makes. Request and response mapping are separate from the SDK call, so they run outside its
 * try block: a bug in them is labelled harness, never mapped as the endpoint's error.
 */
export interface ListingClientCalls<Params, Response, StreamParams, Raw> {
  protocol: ProtocolId;
  transcript: Transcript;
  /** Maps anything an SDK call throws to a VerifyError; `where` names the call ("POST /v1/messages"). */
  fail(error: unknown, where: string): VerifyError;
  chat: {
    where: string;
    toParams(request: ChatRequest): Params;
    call(params: Params, signal?: AbortSignal): Promise<Response>;
    fromResponse(response: Response): ChatResponse;
  };
  stream: {
    where: string;
    toParams(request: ChatRequest): StreamParams;
    open(params: StreamParams, signal?: AbortSignal): Promise<AsyncIterable<Raw>>;
    normalize(recorded: AsyncIterable<Raw>): AsyncIterable<StreamEvent>;
  };
  listModels: { where: string; call(signal?: AbortSignal): Promise<ModelListing[]> };
}

/**
 * A ProtocolClient over an SDK: request mapping, then the SDK call (its errors mapped with the
 * call's name), then response mapping; raw stream events are recorded in the transcript before
 * they are normalized, and health is the listing.
 */
export function listingClient<Params, Response, StreamParams, Raw>(calls: ListingClientCalls<Params, Response, StreamParams, Raw>): ProtocolClient {
  const { fail, protocol } = calls;
  const client: ProtocolClient = {
    protocol,
    transcript: calls.transcript,
    async chat(request: ChatRequest, options?: CallOptions) {
      const params = ownCode(`${protocol} request mapping`, () => calls.chat.toParams(request));
      const response = await sdkCall(calls.chat.where, fail, () => calls.chat.call(params, options?.signal));
      return ownCode(`${protocol} response mapping`, () => calls.chat.fromResponse(response));
    },
    async *stream(request: ChatRequest, options?: CallOptions): AsyncGenerator<StreamEvent> {
      const where = `${calls.stream.where} (stream)`;
      const params = ownCode(`${protocol} request mapping`, () => calls.stream.toParams(request));
      const events = await sdkCall(where, fail, () => calls.stream.open(params, options?.signal));
      yield* normalizeRecorded(events, calls.transcript, calls.stream.normalize, {
        fail: (error) => fail(error, 'stream'),
        where: `${protocol} ${where}`,
        signal: options?.signal,
      });
    },
    listModels: (options?: CallOptions) => sdkCall(calls.listModels.where, fail, () => calls.listModels.call(options?.signal)),
    health: async (options?: CallOptions) => healthFromListing(await client.listModels(options)),
    async close() {},
  };
  return client;
}
