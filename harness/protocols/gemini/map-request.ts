import { FunctionCallingConfigMode, type Content, type GenerateContentConfig, type GenerateContentParameters, type Part, type Tool, type ToolConfig } from '@google/genai';
import type { CountTokensParameters, EmbedContentParameters, ThinkingConfig } from '@google/genai';
import type { ChatRequest, ReasoningRequest } from '../../contract/chat.ts';
import type { EmbedRequest } from '../../contract/protocol-client.ts';
import type { AssistantMessage, Message, ToolCall, ToolResultMessage, UserMessage } from '../../contract/messages.ts';
import type { ToolChoice, ToolSpec } from '../../contract/tools.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { parseToolArguments } from '../shared/tool-call-assembler.ts';
import type { CallIdRegistry } from './call-ids.ts';

function functionCallArgs(call: ToolCall): Record<string, unknown> {
  const parsed = parseToolArguments(call.argumentsText);
  const value = parsed.arguments;
  if (parsed.parseError !== undefined || typeof value !== 'object' || value === null || Array.isArray(value)) {
    // Gemini carries call arguments as a JSON object (Struct), not text: anything else cannot be sent back.
    throw new VerifyError({
      kind: 'invalid_request',
      layer: 'protocol',
      message: `gemini: arguments of tool call ${call.id} are not a JSON object${parsed.parseError ? ` (${parsed.parseError})` : ''}`,
    });
  }
  return value as Record<string, unknown>;
}

function modelParts(message: AssistantMessage, ids: CallIdRegistry): Part[] {
  const parts: Part[] = [];
  if (message.content !== '') parts.push({ text: message.content });
  for (const call of message.toolCalls ?? []) {
    const part: Part = { functionCall: { name: call.name, args: functionCallArgs(call), ...(ids.isSynthetic(call.id) ? {} : { id: call.id }) } };
    const signature = ids.thoughtSignatureOf(call.id);
    if (signature) part.thoughtSignature = signature;
    parts.push(part);
  }
  return parts;
}

/** Gemini's documented convention: the result under "output", a failure under "error". */
function functionResponsePart(message: ToolResultMessage, ids: CallIdRegistry): Part {
  return {
    functionResponse: {
      name: message.name,
      response: message.isError ? { error: message.content } : { output: message.content },
      ...(ids.isSynthetic(message.toolCallId) ? {} : { id: message.toolCallId }),
    },
  };
}

/** Images and PDFs as inlineData parts (base64 with their MIME type), then the text. */
function userParts(message: UserMessage): Part[] {
  const parts: Part[] = (message.attachments ?? []).map((attachment) => ({ inlineData: { mimeType: attachment.mediaType, data: attachment.data } }));
  if (message.content !== '' || parts.length === 0) parts.push({ text: message.content });
  return parts;
}

/** thinkingConfig: a thought budget (from the effort when none is given), with the thought summaries returned. */
export function toGeminiThinking(reasoning: ReasoningRequest): ThinkingConfig {
  const byEffort = { low: 1024, medium: 8192, high: 24_576 } as const;
  return { thinkingBudget: reasoning.budgetTokens ?? byEffort[reasoning.effort], includeThoughts: true };
}

/**
 * Maps the conversation to Gemini contents: system messages → systemInstruction, assistant →
 * role "model", tool results → functionResponse parts in a user turn. Adjacent turns of the
 * same role are merged, so all responses to one model turn's calls travel together.
 */
export function toGeminiContents(messages: Message[], ids: CallIdRegistry): { systemInstruction?: Content; contents: Content[] } {
  const system: Part[] = [];
  const contents: Content[] = [];
  const append = (role: 'user' | 'model', parts: Part[]) => {
    const last = contents.at(-1);
    if (last && last.role === role && last.parts) last.parts.push(...parts);
    else contents.push({ role, parts });
  };
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        system.push({ text: message.content });
        break;
      case 'user':
        append('user', userParts(message));
        break;
      case 'assistant':
        append('model', modelParts(message, ids));
        break;
      case 'tool':
        append('user', [functionResponsePart(message, ids)]);
        break;
    }
  }
  return system.length > 0 ? { systemInstruction: { parts: system }, contents } : { contents };
}

export function toGeminiTools(tools: ToolSpec[]): Tool[] {
  return [{ functionDeclarations: tools.map((tool) => ({ name: tool.name, description: tool.description, parametersJsonSchema: tool.parameters })) }];
}

export function toGeminiToolConfig(choice: ToolChoice): ToolConfig {
  if (choice === 'auto') return { functionCallingConfig: { mode: FunctionCallingConfigMode.AUTO } };
  if (choice === 'none') return { functionCallingConfig: { mode: FunctionCallingConfigMode.NONE } };
  if (choice === 'required') return { functionCallingConfig: { mode: FunctionCallingConfigMode.ANY } };
  return { functionCallingConfig: { mode: FunctionCallingConfigMode.ANY, allowedFunctionNames: [choice.name] } };
}

/**
 * The parameters of models.generateContent(Stream) for a normalized request. `parallelToolCalls`
 * has no Gemini setting and is not sent.
 */
export function toGenerateContentParameters(request: ChatRequest, ids: CallIdRegistry): GenerateContentParameters {
  const { systemInstruction, contents } = toGeminiContents(request.messages, ids);
  const config: GenerateContentConfig = {};
  if (systemInstruction) config.systemInstruction = systemInstruction;
  if (request.temperature !== undefined) config.temperature = request.temperature;
  if (request.topP !== undefined) config.topP = request.topP;
  if (request.maxTokens !== undefined) config.maxOutputTokens = request.maxTokens;
  if (request.stop !== undefined) config.stopSequences = request.stop;
  if (request.seed !== undefined) config.seed = request.seed;
  if (request.tools && request.tools.length > 0) {
    config.tools = toGeminiTools(request.tools);
    if (request.toolChoice !== undefined) config.toolConfig = toGeminiToolConfig(request.toolChoice);
  }
  // JSON output: responseMimeType application/json, with responseJsonSchema when a schema is given (JSON mode without).
  if (request.responseFormat !== undefined) {
    config.responseMimeType = 'application/json';
    if (request.responseFormat.type === 'json_schema') config.responseJsonSchema = request.responseFormat.schema;
  }
  if (request.reasoning !== undefined) config.thinkingConfig = toGeminiThinking(request.reasoning);
  // cacheSystemPrompt: Gemini caches implicitly; explicit caches are separate resources, not a request field.
  const params: GenerateContentParameters = { model: request.model, contents };
  if (Object.keys(config).length > 0) params.config = config;
  return params;
}

/**
 * models.countTokens for the request's contents. The Gemini API counts contents only (the SDK
 * refuses systemInstruction and tools there), so a request with a system prompt is counted without it.
 */
export function toCountTokensParameters(request: ChatRequest, ids: CallIdRegistry): CountTokensParameters {
  return { model: request.model, contents: toGeminiContents(request.messages, ids).contents };
}

/** One content per text, so each gets its own embedding (a list of strings would be one content's parts). */
export function toEmbedContentParameters(request: EmbedRequest): EmbedContentParameters {
  return { model: request.model, contents: request.input.map((text) => ({ role: 'user', parts: [{ text }] })) };
}
