import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE, ATTR_SERVER_ADDRESS, ATTR_SERVER_PORT } from '@opentelemetry/semantic-conventions';
import {
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_SEED,
  ATTR_GEN_AI_REQUEST_STOP_SEQUENCES,
  ATTR_GEN_AI_REQUEST_TEMPERATURE,
  ATTR_GEN_AI_REQUEST_TOP_P,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  ATTR_GEN_AI_TOOL_DEFINITIONS,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
} from '@opentelemetry/semantic-conventions/incubating';
import type { ChatRequest, ChatResponse } from '../contract/chat.ts';
import type { ProtocolClient } from '../contract/protocol-client.ts';
import type { StreamEvent } from '../contract/stream.ts';
import { isVerifyError } from '../contract/verify-error.ts';
import { inputMessages, outputMessages, systemInstructions } from './genai-messages.ts';
import type { Telemetry } from './tracer.ts';

/** gen_ai.provider.name: the well-known value where the semantic conventions define one, else the provider id. */
const WELL_KNOWN: Readonly<Record<string, string>> = { openai: 'openai', anthropic: 'anthropic', bedrock: 'aws.bedrock', gemini: 'gcp.gemini' };
export const genAiProviderName = (providerId: string): string => WELL_KNOWN[providerId] ?? providerId;

export interface TracedEndpoint {
  providerId: string;
  baseUrl?: string;
}

function requestAttributes(request: ChatRequest, endpoint: TracedEndpoint, protocol: string, content: boolean): Attributes {
  const attributes: Attributes = {
    [ATTR_GEN_AI_OPERATION_NAME]: 'chat',
    [ATTR_GEN_AI_PROVIDER_NAME]: genAiProviderName(endpoint.providerId),
    [ATTR_GEN_AI_REQUEST_MODEL]: request.model,
    'llm_verify.protocol': protocol,
  };
  if (request.maxTokens !== undefined) attributes[ATTR_GEN_AI_REQUEST_MAX_TOKENS] = request.maxTokens;
  if (request.temperature !== undefined) attributes[ATTR_GEN_AI_REQUEST_TEMPERATURE] = request.temperature;
  if (request.topP !== undefined) attributes[ATTR_GEN_AI_REQUEST_TOP_P] = request.topP;
  if (request.seed !== undefined) attributes[ATTR_GEN_AI_REQUEST_SEED] = request.seed;
  if (request.stop?.length) attributes[ATTR_GEN_AI_REQUEST_STOP_SEQUENCES] = request.stop;
  if (endpoint.baseUrl) {
    const url = new URL(endpoint.baseUrl);
    attributes[ATTR_SERVER_ADDRESS] = url.hostname;
    attributes[ATTR_SERVER_PORT] = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  }
  if (content) {
    attributes[ATTR_GEN_AI_INPUT_MESSAGES] = JSON.stringify(inputMessages(request.messages));
    const system = systemInstructions(request.messages);
    if (system) attributes[ATTR_GEN_AI_SYSTEM_INSTRUCTIONS] = JSON.stringify(system);
    if (request.tools?.length) attributes[ATTR_GEN_AI_TOOL_DEFINITIONS] = JSON.stringify(request.tools.map((tool) => ({ type: 'function', ...tool })));
  }
  return attributes;
}

function recordResponse(span: Span, response: ChatResponse, content: boolean): void {
  if (response.model !== undefined) span.setAttribute(ATTR_GEN_AI_RESPONSE_MODEL, response.model);
  if (response.id !== undefined) span.setAttribute(ATTR_GEN_AI_RESPONSE_ID, response.id);
  // The reason as the wire said it; absent when the wire carried none (never guessed).
  const reason = response.rawFinishReason ?? response.finishReason;
  if (reason !== undefined) span.setAttribute(ATTR_GEN_AI_RESPONSE_FINISH_REASONS, [reason]);
  if (response.usage?.input !== undefined) span.setAttribute(ATTR_GEN_AI_USAGE_INPUT_TOKENS, response.usage.input);
  if (response.usage?.output !== undefined) span.setAttribute(ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, response.usage.output);
  if (content) span.setAttribute(ATTR_GEN_AI_OUTPUT_MESSAGES, JSON.stringify(outputMessages(response)));
}

function recordError(span: Span, error: unknown): void {
  const type = isVerifyError(error) ? error.kind : error instanceof Error ? error.name : 'unknown';
  span.setAttribute(ATTR_ERROR_TYPE, type);
  if (isVerifyError(error)) span.setAttribute('llm_verify.layer', error.layer);
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message.slice(0, 500) : String(error) });
}

/**
 * A client whose every request is a GenAI client span (`chat <model>`), a child of the active span
 * (the cell's), following the OpenTelemetry GenAI semantic conventions: operation, provider, request
 * and response model, finish reasons, token usage, time to first chunk (streams), error.type; message
 * content only when telemetry.content. Without a tracer the client is returned unchanged.
 */
export function tracingClient(client: ProtocolClient, endpoint: TracedEndpoint, telemetry: Telemetry): ProtocolClient {
  const { tracer, content } = telemetry;
  if (!tracer) return client;
  const start = (request: ChatRequest, stream: boolean) =>
    tracer.startSpan(`chat ${request.model}`, { kind: SpanKind.CLIENT, attributes: { ...requestAttributes(request, endpoint, client.protocol, content), 'llm_verify.stream': stream } });
  return {
    protocol: client.protocol,
    transcript: client.transcript,
    listModels: (options) => client.listModels(options),
    health: (options) => client.health(options),
    close: () => client.close(),
    async chat(request, options) {
      const span = start(request, false);
      try {
        const response = await context.with(trace.setSpan(context.active(), span), () => client.chat(request, options));
        recordResponse(span, response, content);
        return response;
      } catch (error) {
        recordError(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
    async *stream(request, options) {
      const span = start(request, true);
      const started = performance.now();
      let firstChunk = false;
      const response: ChatResponse = { text: '', toolCalls: [] };
      try {
        for await (const event of client.stream(request, options)) {
          if (!firstChunk && event.type !== 'start') {
            firstChunk = true;
            span.setAttribute(ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK, (event.at - started) / 1000);
          }
          collect(response, event);
          yield event;
        }
        recordResponse(span, response, content);
      } catch (error) {
        recordError(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  };
}

/** Folds stream events into the response fields a span records. */
function collect(response: ChatResponse, event: StreamEvent): void {
  if (event.type === 'start') {
    if (event.id !== undefined) response.id = event.id;
    if (event.model !== undefined) response.model = event.model;
  } else if (event.type === 'text_delta') response.text += event.text;
  else if (event.type === 'tool_call_end') response.toolCalls.push({ ...(event.id !== undefined ? { id: event.id } : {}), name: event.name, argumentsText: event.argumentsText });
  else if (event.type === 'usage') response.usage = event.usage;
  else if (event.type === 'done') {
    if (event.finishReason !== undefined) response.finishReason = event.finishReason;
    if (event.rawFinishReason !== undefined) response.rawFinishReason = event.rawFinishReason;
  }
}
