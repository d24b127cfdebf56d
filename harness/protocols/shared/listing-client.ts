import type { ChatRequest, ChatResponse } from '../../contract/chat.ts';
import type { CallOptions, EmbedRequest, EmbedResponse, ModelListing, ProtocolClient, ProtocolId, TokenCount } from '../../contract/protocol-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import type { Transcript } from '../../contract/transcript.ts';
import { healthFromListing } from './model-listing.ts';
import type { VerifyError } from '../../contract/verify-error.ts';
import { ownCode, sdkCall } from './call-boundary.ts';
import { normalizeRecorded } from './record-stream.ts';

/** One SDK call with its request mapping before it and its response mapping after it. */
export interface MappedCall<In, Params, Response, Out> {
  where: string;
  toParams(input: In): Params;
  call(params: Params, signal?: AbortSignal): Promise<Response>;
  fromResponse(response: Response, input: In): Out;
}

/**
 * Erases a mapped call's inner types (its params and raw response only ever flow between its own
 * three steps), so a client can list calls with different SDK types.
 */
export function mappedCall<In, Params, Response, Out>(call: MappedCall<In, Params, Response, Out>): MappedCall<In, unknown, unknown, Out> {
  return call as unknown as MappedCall<In, unknown, unknown, Out>;
}

/** Request mapping, the SDK call (its errors mapped with the call's name), response mapping: each in its own boundary. */
export async function runMapped<In, Params, Response, Out>(
  protocol: ProtocolId,
  fail: (error: unknown, where: string) => VerifyError,
  mapped: MappedCall<In, Params, Response, Out>,
  input: In,
  signal?: AbortSignal,
): Promise<Out> {
  const params = ownCode(`${protocol} request mapping`, () => mapped.toParams(input));
  const response = await sdkCall(mapped.where, fail, () => mapped.call(params, signal));
  return ownCode(`${protocol} response mapping`, () => mapped.fromResponse(response, input));
}

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
  /** Embeddings, where the protocol defines them. */
  embed?: MappedCall<EmbedRequest, unknown, unknown, EmbedResponse>;
  /** The protocol's token-counting call, where it has one. */
  countTokens?: MappedCall<ChatRequest, unknown, unknown, TokenCount>;
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
    ...(calls.embed ? { embed: (request: EmbedRequest, options?: CallOptions) => runMapped(protocol, fail, calls.embed as NonNullable<typeof calls.embed>, request, options?.signal) } : {}),
    ...(calls.countTokens
      ? { countTokens: (request: ChatRequest, options?: CallOptions) => runMapped(protocol, fail, calls.countTokens as NonNullable<typeof calls.countTokens>, request, options?.signal) }
      : {}),
    health: async (options?: CallOptions) => healthFromListing(await client.listModels(options)),
    async close() {},
  };
  return client;
}
