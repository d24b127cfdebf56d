import type { RateLimit, RetryPolicy } from './retry.ts';
import type { DeclaredCapabilities } from './capability.ts';
import type { ChatRequest, ChatResponse } from './chat.ts';
import type { StreamEvent } from './stream.ts';
import type { Transcript } from './transcript.ts';

/**
 * The wire protocols the harness speaks, as an open registry: each protocol's module
 * (harness/protocols/<id>/protocol.ts) adds its id here by declaration merging, so the contract
 * names no protocol and imports none. The runtime list is harness/protocols/index.ts.
 */
export interface ProtocolIds {}

export type ProtocolId = keyof ProtocolIds & string;

export interface CallOptions {
  signal?: AbortSignal;
}

/** One model as a server lists it. */
export interface ModelListing {
  id: string;
  displayName?: string;
  contextWindow?: number;
  /** Capabilities the server itself reports (LM Studio, Ollama /api/show), when it does. */
  capabilities?: DeclaredCapabilities;
  /** Whether the model is loaded in memory, when the server says. */
  loaded?: boolean;
}

export interface HealthInfo {
  ok: boolean;
  /** Server software and version, when the server reports it (e.g. "llama.cpp b1234"). */
  version?: string;
  detail?: string;
}

/** What a protocol adapter needs to talk to one endpoint. */
export interface ClientConfig {
  protocol: ProtocolId;
  /** Full base URL the SDK uses (already joined with the protocol's path). */
  baseUrl?: string;
  apiKey?: string;
  /** Cloud region (Bedrock). */
  region?: string;
  /** Embedded: path of the GGUF file. */
  modelPath?: string;
  timeoutMs: number;
  /** Retries of transient failures, made by the harness (every SDK's own retries are off). */
  maxRetries: number;
  /** The whole retry policy (backoff, total time, attempt timeout); default: DEFAULT_RETRY_POLICY with maxRetries. */
  retry?: RetryPolicy;
  /** Rate limits shared by every client of the same provider. */
  rateLimit?: RateLimit;
  /** The model id requests name; the embedded client reports it as its model. */
  modelId?: string;
  /** Where embeddings are served when not on baseUrl (llama-server serves them from a second server started with --embeddings). */
  embeddingsBaseUrl?: string;
  /** Gemini: the API version the SDK calls (its default when unset). */
  apiVersion?: string;
}

/** Texts to embed with one model. */
export interface EmbedRequest {
  model: string;
  input: string[];
}

export interface EmbedResponse {
  /** One vector per input, in the order the wire returned them (an `index` field, where it has one, is honoured). */
  vectors: number[][];
  /** Input tokens, when the protocol reports them. */
  usage?: { input?: number };
  model?: string;
}

/** What a protocol's own counting call said about a request's prompt. */
export interface TokenCount {
  input: number;
}

/** One wire protocol spoken to one endpoint, over the protocol's official SDK. */
export interface ProtocolClient {
  readonly protocol: ProtocolId;
  readonly transcript: Transcript;
  chat(request: ChatRequest, options?: CallOptions): Promise<ChatResponse>;
  /** Normalized events from the SDK's stream. Abortable with options.signal. */
  stream(request: ChatRequest, options?: CallOptions): AsyncIterable<StreamEvent>;
  listModels(options?: CallOptions): Promise<ModelListing[]>;
  /** Embeddings, on protocols that define them (absent: the protocol has no such call). */
  embed?(request: EmbedRequest, options?: CallOptions): Promise<EmbedResponse>;
  /** The protocol's own token count for a request's prompt (absent: the protocol has no counting call). */
  countTokens?(request: ChatRequest, options?: CallOptions): Promise<TokenCount>;
  health(options?: CallOptions): Promise<HealthInfo>;
  close(): Promise<void>;
}

export type ProtocolClientFactory = (config: ClientConfig) => Promise<ProtocolClient>;
