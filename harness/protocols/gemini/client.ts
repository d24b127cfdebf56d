import { GoogleGenAI, type CountTokensParameters, type EmbedContentParameters } from '@google/genai';
import type { ChatRequest, ChatResponse } from '../../contract/chat.ts';
import type { CallOptions, ClientConfig, EmbedRequest, HealthInfo, ModelListing, ProtocolClient } from '../../contract/protocol-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { harnessFetch } from '../shared/sdk-client.ts';
import { collectModelListings } from '../shared/model-listing.ts';
import { ownCode, sdkCall } from '../shared/call-boundary.ts';
import { normalizeRecorded } from '../shared/record-stream.ts';
import { createTranscript } from '../shared/transcript.ts';
import { createCallIdRegistry } from './call-ids.ts';
import { fromModel } from './map-model.ts';
import { toCountTokensParameters, toEmbedContentParameters, toGenerateContentParameters } from './map-request.ts';
import { runMapped } from '../shared/listing-client.ts';
import { fromCountTokensResponse, fromEmbedContentResponse, fromGenerateContentResponse } from './map-response.ts';
import { normalizeGeminiChunks } from './map-stream.ts';
import { toGeminiVerifyError } from './to-verify-error.ts';

/**
 * The Gemini API (generativelanguage) over the official `@google/genai` SDK. Requests go through
 * a recording fetch (the SDK accepts one in httpOptions); the key travels in x-goog-api-key, which
 * the transcript redacts.
 */
export async function createGeminiClient(config: ClientConfig): Promise<ProtocolClient> {
  const transcript = createTranscript();
  const sdk = new GoogleGenAI({
    vertexai: false,
    apiKey: config.apiKey,
    httpOptions: {
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
      // @google/genai 3.x calls the stable "v1" API by default; a provider may pin another version.
      ...(config.apiVersion ? { apiVersion: config.apiVersion } : {}),
      timeout: config.timeoutMs,
      // One attempt per SDK call: retries are the harness's own (harnessFetch).
      retryOptions: { attempts: 1 },
      fetch: harnessFetch(config, transcript),
    },
  });
  const ids = createCallIdRegistry();
  const fail = (error: unknown, where: string) => toGeminiVerifyError(error, `gemini ${where}`, config.apiKey);
  const params = (request: ChatRequest, options?: CallOptions) => {
    const built = toGenerateContentParameters(request, ids);
    if (options?.signal) built.config = { ...built.config, abortSignal: options.signal };
    return built;
  };

  const client: ProtocolClient = {
    protocol: 'gemini',
    transcript,
    async chat(request: ChatRequest, options?: CallOptions): Promise<ChatResponse> {
      const built = ownCode('gemini request mapping', () => params(request, options));
      const response = await sdkCall(`POST models/${request.model}:generateContent`, fail, () => sdk.models.generateContent(built));
      return ownCode('gemini response mapping', () => fromGenerateContentResponse(response, ids));
    },
    countTokens: (request: ChatRequest, options?: CallOptions) =>
      runMapped('gemini', fail, {
        where: `POST models/${request.model}:countTokens`,
        toParams: (input: ChatRequest): CountTokensParameters => ({ ...toCountTokensParameters(input, ids), config: { abortSignal: options?.signal } }),
        call: (built: CountTokensParameters) => sdk.models.countTokens(built),
        fromResponse: fromCountTokensResponse,
      }, request),
    embed: (request: EmbedRequest, options?: CallOptions) =>
      runMapped('gemini', fail, {
        where: `POST models/${request.model}:batchEmbedContents`,
        toParams: (input: EmbedRequest): EmbedContentParameters => ({ ...toEmbedContentParameters(input), config: { abortSignal: options?.signal } }),
        call: (built: EmbedContentParameters) => sdk.models.embedContent(built),
        fromResponse: (response, input) => fromEmbedContentResponse(response, input.input.length),
      }, request),
    async *stream(request: ChatRequest, options?: CallOptions): AsyncGenerator<StreamEvent> {
      const where = `POST models/${request.model}:streamGenerateContent`;
      const built = ownCode('gemini request mapping', () => params(request, options));
      const chunks = await sdkCall(where, fail, () => sdk.models.generateContentStream(built));
      yield* normalizeRecorded(chunks, transcript, (recorded) => normalizeGeminiChunks(recorded, ids), {
        fail: (error) => fail(error, 'stream'),
        where: `gemini ${where}`,
        signal: options?.signal,
      });
    },
    async listModels(options?: CallOptions): Promise<ModelListing[]> {
      try {
        return await collectModelListings(await sdk.models.list({ config: { pageSize: 100, abortSignal: options?.signal } }), fromModel);
      } catch (error) {
        throw fail(error, 'GET models');
      }
    },
    async health(options?: CallOptions): Promise<HealthInfo> {
      try {
        const pager = await sdk.models.list({ config: { pageSize: 1, abortSignal: options?.signal } });
        return { ok: true, detail: `models listing answered (${pager.page.length} on the first page)` };
      } catch (error) {
        throw fail(error, 'GET models');
      }
    },
    async close() {},
  };
  return client;
}
