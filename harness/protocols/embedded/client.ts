import { EventEmitter, on } from 'node:events';
import { LlamaChat, type ChatHistoryItem, type LlamaContext, type LlamaEmbeddingContext, type LlamaGrammar } from 'node-llama-cpp';
import type { ChatRequest, ChatResponse } from '../../contract/chat.ts';
import type { ToolCall } from '../../contract/messages.ts';
import type { CallOptions, ClientConfig, EmbedRequest, EmbedResponse, HealthInfo, ModelListing, ProtocolClient, TokenCount } from '../../contract/protocol-client.ts';
import { assertAttachmentsCarried } from '../shared/attachments.ts';
import { grammarFor } from './grammar.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError, harnessBug, unrepresentable } from '../../contract/verify-error.ts';
import { ownCode } from '../shared/call-boundary.ts';
import { streamEndedWithout } from '../shared/stream-end.ts';
import { TERMINAL_SIGNAL } from './terminal-signal.ts';
import { now } from '../shared/time.ts';
import { ToolCallAssembler } from '../shared/tool-call-assembler.ts';
import { createTranscript } from '../shared/transcript.ts';
import { toChatHistory, toChatModelFunctions } from './map-history.ts';
import { embeddedFinishReason } from './finish-reason.ts';
import { loadModel } from './model-cache.ts';
import { inferenceThreads } from '../../endpoints/thread-count.ts';

/** The context the adapter creates: the window the embedded provider declares for its model. */
export const CONTEXT_SIZE = 4096;

/** node-llama-cpp's function calls carry no ids (no wire): the adapter makes one up per call and says so. */
export function synthesizedCallId(index: number): Pick<ToolCall, 'id' | 'idSource'> {
  return { id: `synthesized_${index}`, idSource: 'synthesized' };
}

type GenerationResult = Awaited<ReturnType<LlamaChat['generateResponse']>>;

/**
 * A generation result in the contract. Usage is the context sequence's token meter (what the
 * library itself counted; no total is reported, none is computed).
 */
export function toChatResponse(result: Pick<GenerationResult, 'response' | 'functionCalls' | 'metadata'>, used: { input: number; output: number }, modelId: string): ChatResponse {
  const toolCalls: ToolCall[] = (result.functionCalls ?? []).map((call, index) => ({
    ...synthesizedCallId(index),
    name: call.functionName,
    argumentsText: JSON.stringify(call.params ?? {}),
  }));
  const raw: string | undefined = result.metadata.stopReason;
  return {
    text: result.response,
    toolCalls,
    finishReason: embeddedFinishReason(raw),
    rawFinishReason: raw,
    usage: { input: used.input, output: used.output },
    model: modelId,
  };
}

/** Tokens of a history as generateResponse renders it (its chat wrapper, then the model's tokenizer). */
function renderedTokens(chat: LlamaChat, history: ChatHistoryItem[]): number {
  const { contextText } = chat.chatWrapper.generateContextState({ chatHistory: [...history, { type: 'model', response: [] }] });
  return contextText.tokenize(chat.model.tokenizer).length;
}

interface Generation {
  onText?: (text: string) => void;
  onParamsChunk?: (chunk: { callIndex: number; functionName: string; paramsChunk: string; done: boolean }) => void;
}

/**
 * llama.cpp in-process through node-llama-cpp. The model is loaded once per process; each client
 * owns one context sequence and serializes its requests on it.
 */
export async function createEmbeddedClient(config: ClientConfig): Promise<ProtocolClient> {
  const modelPath = config.modelPath;
  if (!modelPath) {
    throw new VerifyError({ kind: 'invalid_request', layer: 'infra', message: 'embedded: no model path configured (set LLM_VERIFY_MODEL)' });
  }
  const modelId = config.modelId ?? 'embedded';
  const transcript = createTranscript();
  let context: LlamaContext | undefined;
  let embeddingContext: LlamaEmbeddingContext | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function chatOn(): Promise<LlamaChat> {
    const { model } = await loadModel(modelPath as string);
    context ??= await model.createContext({ contextSize: CONTEXT_SIZE, sequences: 1, threads: inferenceThreads() });
    return new LlamaChat({ contextSequence: context.getSequence() });
  }

  function serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  async function generate(request: ChatRequest, options: CallOptions | undefined, hooks: Generation): Promise<ChatResponse> {
    if (request.model !== modelId) {
      throw new VerifyError({ kind: 'model_not_found', layer: 'protocol', message: `embedded: model "${request.model}" is not loaded (this process serves "${modelId}")` });
    }
    if (request.toolChoice !== undefined && request.toolChoice !== 'auto') {
      throw unrepresentable(`embedded: node-llama-cpp function calling has no tool_choice; cannot send ${JSON.stringify(request.toolChoice)}`);
    }
    if (request.reasoning !== undefined) throw unrepresentable('embedded: node-llama-cpp generateResponse has no switch to ask for reasoning');
    ownCode('embedded request mapping', () => assertAttachmentsCarried(request.messages, [], 'embedded'));
    if (request.responseFormat !== undefined && request.tools?.length) {
      throw unrepresentable('embedded: node-llama-cpp cannot constrain output with a grammar and offer functions in one generation');
    }
    const history = ownCode('embedded request mapping', () => toChatHistory(request.messages));
    const functions = ownCode('embedded request mapping', () => (request.tools && request.tools.length > 0 ? toChatModelFunctions(request.tools) : undefined));
    return serialized(async () => {
      const { llama } = await loadModel(modelPath as string);
      let grammar: LlamaGrammar | undefined;
      if (request.responseFormat !== undefined) {
        const format = request.responseFormat;
        grammar = await grammarFor(llama, format).catch((error: unknown) => {
          throw unrepresentable(`embedded: node-llama-cpp cannot build a grammar for this schema: ${error instanceof Error ? error.message : String(error)}`);
        });
      }
      const chat = await chatOn();
      // node-llama-cpp fits an overlong prompt by dropping history (its context shift; a strategy
      // that throws falls back to the default — observed with 3.22: a 5100-token prompt ran as 3686
      // tokens). The adapter refuses it the way llama-server does (prompt ≥ context: an error),
      // counting with the library's own tokenizer, so an overflow is never a silent truncation.
      const promptTokens = ownCode('embedded request mapping', () => renderedTokens(chat, history));
      if (promptTokens >= CONTEXT_SIZE) {
        chat.dispose({ disposeSequence: true });
        throw new VerifyError({ kind: 'context_length', layer: 'protocol', message: `embedded: the prompt has ${promptTokens} tokens; the context holds ${CONTEXT_SIZE}` });
      }
      const meter = chat.sequence.tokenMeter;
      const before = { input: meter.usedInputTokens, output: meter.usedOutputTokens };
      transcript.record({ kind: 'request', at: now(), method: 'generateResponse', url: `embedded://${modelId}`, headers: {}, body: { history, request } });
      let result: GenerationResult;
      try {
        result = await chat.generateResponse(history, {
          maxTokens: request.maxTokens,
          temperature: request.temperature,
          topP: request.topP,
          seed: request.seed,
          customStopTriggers: request.stop,
          signal: options?.signal,
          stopOnAbortSignal: false,
          onTextChunk: hooks.onText,
          ...(grammar
            ? { grammar }
            : functions
              ? { functions, maxParallelFunctionCalls: request.parallelToolCalls === false ? 1 : undefined, onFunctionCallParamsChunk: hooks.onParamsChunk }
              : {}),
        });
      } catch (error) {
        if (options?.signal?.aborted) {
          throw new VerifyError({ kind: 'aborted', layer: 'transport', message: 'embedded: generation aborted by the caller', cause: error });
        }
        throw new VerifyError({ kind: 'server', layer: 'infra', message: `embedded: generation failed: ${error instanceof Error ? error.message : String(error)}`, cause: error });
      } finally {
        chat.dispose({ disposeSequence: true });
      }
      const used = { input: meter.usedInputTokens - before.input, output: meter.usedOutputTokens - before.output };
      const response = ownCode('embedded response mapping', () => toChatResponse(result, used, modelId));
      transcript.record({ kind: 'response', at: now(), status: 200, url: `embedded://${modelId}`, headers: {}, body: response });
      return response;
    });
  }

  return {
    protocol: 'embedded',
    transcript,
    chat: (request, options) => generate(request, options, {}),
    async *stream(request, options): AsyncGenerator<StreamEvent> {
      const emitter = new EventEmitter();
      const tools = new ToolCallAssembler();
      const emit = (event: StreamEvent) => {
        transcript.record({ kind: 'stream_event', at: event.at, event });
        emitter.emit('event', event);
      };
      // The hooks are our code running inside the library's call: what they throw is kept apart
      // (a harness bug), so it is never reported as the library's generation failure.
      let hookError: VerifyError | undefined;
      const guarded = <A extends unknown[]>(hook: (...args: A) => void) => (...args: A) => {
        try {
          hook(...args);
        } catch (error) {
          hookError ??= harnessBug('embedded stream normalization', error);
        }
      };
      // No wire here: the stream starts as the request is handed to the library. The start is
      // recorded (before any generated event) like the terminal event, so the raw event order
      // check sees the same framing the consumer does.
      const started: StreamEvent = { type: 'start', at: now(), model: modelId };
      transcript.record({ kind: 'stream_event', at: started.at, event: started });
      const done = generate(request, options, {
        onText: guarded((text: string) => emit({ type: 'text_delta', at: now(), text })),
        onParamsChunk: guarded((chunk: { callIndex: number; functionName: string; paramsChunk: string; done: boolean }) => {
          for (const event of tools.push(chunk.callIndex, { ...synthesizedCallId(chunk.callIndex), name: chunk.functionName, argumentsDelta: chunk.paramsChunk })) emit(event);
          if (chunk.done) for (const event of tools.end(chunk.callIndex)) emit(event);
        }),
      }).finally(() => emitter.emit('end'));
      done.catch(() => undefined);
      yield started;
      for await (const [event] of on(emitter, 'event', { close: ['end'] })) yield event as StreamEvent;
      const response = await done;
      if (hookError) throw hookError;
      const recorded = (event: StreamEvent): StreamEvent => {
        transcript.record({ kind: 'stream_event', at: event.at, event });
        return event;
      };
      for (const event of tools.endAll()) yield recorded(event);
      if (response.usage) yield recorded({ type: 'usage', at: now(), usage: response.usage });
      // The library's terminal signal: generateResponse resolved with a stop reason.
      if (response.rawFinishReason === undefined) throw streamEndedWithout('embedded', TERMINAL_SIGNAL.description);
      yield recorded({ type: 'done', at: now(), finishReason: response.finishReason, rawFinishReason: response.rawFinishReason });
    },
    async embed(request: EmbedRequest): Promise<EmbedResponse> {
      if (request.model !== modelId) {
        throw new VerifyError({ kind: 'model_not_found', layer: 'protocol', message: `embedded: model "${request.model}" is not loaded (this process serves "${modelId}")` });
      }
      const { model } = await loadModel(modelPath);
      return serialized(async () => {
        try {
          embeddingContext ??= await model.createEmbeddingContext({ contextSize: CONTEXT_SIZE, threads: inferenceThreads() });
          const vectors: number[][] = [];
          for (const text of request.input) vectors.push([...(await embeddingContext.getEmbeddingFor(text)).vector]);
          // The library reports no token usage for embeddings; none is made up.
          return { vectors, model: modelId };
        } catch (error) {
          throw new VerifyError({ kind: 'server', layer: 'infra', message: `embedded: embedding failed: ${error instanceof Error ? error.message : String(error)}`, cause: error });
        }
      });
    },
    async countTokens(request: ChatRequest): Promise<TokenCount> {
      // The library's own count: the chat wrapper renders the history exactly as generateResponse
      // will, and the model's tokenizer counts it.
      const history = ownCode('embedded request mapping', () => toChatHistory(request.messages));
      return serialized(async () => {
        const chat = await chatOn();
        try {
          return { input: renderedTokens(chat, history) };
        } finally {
          chat.dispose({ disposeSequence: true });
        }
      });
    },
    async listModels(): Promise<ModelListing[]> {
      const { model } = await loadModel(modelPath);
      return [{ id: modelId, displayName: model.fileInfo.metadata.general.name, contextWindow: model.trainContextSize, loaded: true }];
    },
    async health(): Promise<HealthInfo> {
      const { llama, loadMs } = await loadModel(modelPath);
      return { ok: true, version: `llama.cpp ${llama.llamaCppRelease.release} (node-llama-cpp, ${llama.buildType})`, detail: `model loaded in ${Math.round(loadMs)} ms` };
    },
    async close() {
      await queue;
      await context?.dispose();
      await embeddingContext?.dispose();
      context = undefined;
      embeddingContext = undefined;
    },
  };
}
