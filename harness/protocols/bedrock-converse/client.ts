import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand, CountTokensCommand, ListAsyncInvokesCommand, type BedrockRuntimeClientConfig, type CountTokensRequest } from '@aws-sdk/client-bedrock-runtime';
import type { ChatRequest, ChatResponse } from '../../contract/chat.ts';
import type { CallOptions, ClientConfig, HealthInfo, ModelListing, ProtocolClient } from '../../contract/protocol-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { ownCode, sdkCall } from '../shared/call-boundary.ts';
import { normalizeRecorded } from '../shared/record-stream.ts';
import { createTranscript } from '../shared/transcript.ts';
import { toConverseRequest, toCountTokensRequest } from './map-request.ts';
import { fromConverseResponse, fromCountTokens } from './map-response.ts';
import { runMapped } from '../shared/listing-client.ts';
import { normalizeConverseStream } from './map-stream.ts';
import { addRecordingMiddleware } from './record-middleware.ts';
import { addRetryMiddleware } from './retry-middleware.ts';
import { retryPolicyOf } from '../shared/retry-policy.ts';
import { toBedrockVerifyError } from './to-verify-error.ts';

/**
 * `config.apiKey` is a Bedrock API key (sent as a bearer token). When the harness hands over a
 * value the default credential chain reads by itself (AWS_ACCESS_KEY_ID, AWS_PROFILE), it is not
 * a bearer token: the chain signs with SigV4 instead.
 */
export function bearerTokenOf(apiKey: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!apiKey) return undefined;
  if (apiKey === env.AWS_ACCESS_KEY_ID || apiKey === env.AWS_PROFILE) return undefined;
  return apiKey;
}

export function bedrockClientOptions(config: ClientConfig, env: NodeJS.ProcessEnv = process.env): BedrockRuntimeClientConfig {
  const options: BedrockRuntimeClientConfig = {
    region: config.region ?? env.AWS_REGION ?? 'us-east-1',
    // One attempt per SDK call: retries are the harness's own (addRetryMiddleware).
    maxAttempts: 1,
    // The SDK's default handler for this service is HTTP/2; these are its defaults plus our timeout.
    requestHandler: { requestTimeout: config.timeoutMs, disableConcurrentStreams: true },
  };
  if (config.baseUrl) options.endpoint = config.baseUrl;
  const token = bearerTokenOf(config.apiKey, env);
  if (token) {
    options.token = { token };
    options.authSchemePreference = ['httpBearerAuth'];
  }
  return options;
}

/** Amazon Bedrock's Converse API over the official `@aws-sdk/client-bedrock-runtime`. */
export async function createBedrockConverseClient(config: ClientConfig): Promise<ProtocolClient> {
  const transcript = createTranscript();
  const sdk = new BedrockRuntimeClient(bedrockClientOptions(config));
  const secrets = [config.apiKey, process.env.AWS_SECRET_ACCESS_KEY, process.env.AWS_SESSION_TOKEN, process.env.AWS_BEARER_TOKEN_BEDROCK];
  addRecordingMiddleware(sdk.middlewareStack, transcript, secrets);
  addRetryMiddleware(sdk.middlewareStack, retryPolicyOf(config));
  const fail = (error: unknown, where: string) => toBedrockVerifyError(error, `bedrock-converse ${where}`, secrets);
  const callOptions = (options?: CallOptions) => ({ abortSignal: options?.signal, requestTimeout: config.timeoutMs });

  const client: ProtocolClient = {
    protocol: 'bedrock-converse',
    transcript,
    async chat(request: ChatRequest, options?: CallOptions): Promise<ChatResponse> {
      const input = ownCode('bedrock-converse request mapping', () => toConverseRequest(request));
      const output = await sdkCall('POST /model/{modelId}/converse', fail, () => sdk.send(new ConverseCommand(input), callOptions(options)));
      return ownCode('bedrock-converse response mapping', () => fromConverseResponse(output, output.$metadata.requestId));
    },
    countTokens: (request: ChatRequest, options?: CallOptions) =>
      runMapped('bedrock-converse', fail, {
        where: 'POST /model/{modelId}/count-tokens',
        toParams: toCountTokensRequest,
        call: (input: CountTokensRequest) => sdk.send(new CountTokensCommand(input), callOptions(options)),
        fromResponse: fromCountTokens,
      }, request),
    async *stream(request: ChatRequest, options?: CallOptions): AsyncGenerator<StreamEvent> {
      const where = 'POST /model/{modelId}/converse-stream';
      const input = ownCode('bedrock-converse request mapping', () => toConverseRequest(request));
      const output = await sdkCall(where, fail, () => sdk.send(new ConverseStreamCommand(input), callOptions(options)));
      const events = output.stream;
      if (!events) {
        throw new VerifyError({ kind: 'unknown', layer: 'protocol', message: 'bedrock-converse: converse-stream response has no event stream' });
      }
      yield* normalizeRecorded(events, transcript, (recorded) => normalizeConverseStream(recorded, { id: output.$metadata.requestId }), {
        fail: (error) => fail(error, 'stream'),
        where: `bedrock-converse ${where}`,
        signal: options?.signal,
      });
    },
    async listModels(): Promise<ModelListing[]> {
      // Listing the configured model would be a fake listing: say plainly that there is none.
      throw new VerifyError({
        kind: 'invalid_request',
        layer: 'protocol',
        message: 'bedrock-converse: the runtime API has no model listing (use the bedrock control-plane ListFoundationModels)',
      });
    },
    async health(options?: CallOptions): Promise<HealthInfo> {
      // The runtime API has no health or listing call. ListAsyncInvokes (one result) is its cheapest
      // authenticated call: it touches the network, checks the credential and the region, runs no model.
      let output;
      try {
        output = await sdk.send(new ListAsyncInvokesCommand({ maxResults: 1 }), callOptions(options));
      } catch (error) {
        throw fail(error, 'GET /async-invoke (health)');
      }
      const region = await sdk.config.region();
      return { ok: true, detail: `ListAsyncInvokes answered HTTP ${output.$metadata.httpStatusCode ?? '?'} in ${region}` };
    },
    async close() {
      sdk.destroy();
    },
  };
  return client;
}
