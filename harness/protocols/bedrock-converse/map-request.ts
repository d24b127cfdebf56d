import type {
  ContentBlock,
  ConverseRequest,
  InferenceConfiguration,
  Message as BedrockMessage,
  SystemContentBlock,
  Tool,
  ToolChoice as BedrockToolChoice,
  ToolConfiguration,
  ToolUseBlock,
} from '@aws-sdk/client-bedrock-runtime';
import type { CountTokensRequest, OutputConfig } from '@aws-sdk/client-bedrock-runtime';
import type { ChatRequest, ReasoningRequest, ResponseFormat } from '../../contract/chat.ts';
import type { AssistantMessage, Attachment, Message, ToolResultMessage, UserMessage } from '../../contract/messages.ts';
import type { ToolChoice, ToolSpec } from '../../contract/tools.ts';
import { VerifyError, unrepresentable } from '../../contract/verify-error.ts';
import { wireCallId } from '../shared/wire-call-id.ts';
import { parseToolArguments } from '../shared/tool-call-assembler.ts';

/** A Smithy document (arbitrary JSON) as the SDK types it. */
type Document = NonNullable<ToolUseBlock['input']>;

function toolUseInput(call: { id?: string; name: string; argumentsText: string }): Document {
  const parsed = parseToolArguments(call.argumentsText);
  if (parsed.parseError !== undefined) {
    // Converse carries tool input as a JSON document, not text: invalid JSON cannot be sent back as is.
    throw new VerifyError({
      kind: 'invalid_request',
      layer: 'protocol',
      message: `bedrock-converse: arguments of tool call ${call.id ?? call.name} are not valid JSON (${parsed.parseError}); Converse needs a JSON document`,
    });
  }
  return parsed.arguments as Document;
}

function assistantBlocks(message: AssistantMessage): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  // Converse rejects blank text blocks, so an empty text next to tool calls is left out.
  if (message.content !== '') blocks.push({ text: message.content });
  for (const call of message.toolCalls ?? []) {
    blocks.push({ toolUse: { toolUseId: wireCallId('bedrock-converse', call.id, `tool call ${call.name}`), name: call.name, input: toolUseInput(call) } });
  }
  return blocks;
}

function toolResultBlock(message: ToolResultMessage): ContentBlock {
  return {
    toolResult: {
      toolUseId: wireCallId('bedrock-converse', message.toolCallId, `the ${message.name} result`),
      content: [{ text: message.content }],
      // `status` is optional; it is sent only to mark a failed tool run.
      ...(message.isError ? { status: 'error' as const } : {}),
    },
  };
}

/**
 * Maps the conversation to Converse messages. System messages go to `system`; tool results
 * become user messages with toolResult blocks. Adjacent messages of the same role are merged,
 * because Converse wants user/assistant turns to alternate and all results of one assistant
 * turn in the single user message that follows it.
 */
/** Converse document names allow letters, digits, single spaces, hyphens, parentheses and brackets. */
export function converseDocumentName(filename: string): string {
  return filename.replace(/\.[a-z0-9]+$/i, '').replace(/[^A-Za-z0-9\s\-()[\]]/g, '-').replace(/\s+/g, ' ').trim() || 'document';
}

/** An image block (png/jpeg bytes) or a document block (pdf bytes), before the text. */
export function toConverseAttachment(attachment: Attachment): ContentBlock {
  const bytes = new Uint8Array(Buffer.from(attachment.data, 'base64'));
  return attachment.kind === 'image'
    ? { image: { format: attachment.mediaType === 'image/png' ? 'png' : 'jpeg', source: { bytes } } }
    : { document: { format: 'pdf', name: converseDocumentName(attachment.filename), source: { bytes } } };
}

function userBlocks(message: UserMessage): ContentBlock[] {
  const blocks = (message.attachments ?? []).map(toConverseAttachment);
  if (message.content !== '' || blocks.length === 0) blocks.push({ text: message.content });
  return blocks;
}

/**
 * outputConfig.textFormat with a JSON schema (the schema travels as a JSON string). Converse has
 * no schema-less JSON mode: json_object is refused.
 */
export function toConverseOutputConfig(format: ResponseFormat): OutputConfig {
  if (format.type === 'json_object') throw unrepresentable('bedrock-converse: Converse has no JSON mode without a schema (outputConfig.textFormat takes json_schema only)');
  return { textFormat: { type: 'json_schema', structure: { jsonSchema: { name: format.name, schema: JSON.stringify(format.schema) } } } };
}

/**
 * Reasoning goes to the model's own request fields (additionalModelRequestFields): Anthropic models
 * on Bedrock take `thinking` with a budget of at least 1024 tokens.
 */
export function toConverseReasoningFields(reasoning: ReasoningRequest): Document {
  const byEffort = { low: 1024, medium: 4096, high: 16_384 } as const;
  return { thinking: { type: 'enabled', budget_tokens: Math.max(1024, reasoning.budgetTokens ?? byEffort[reasoning.effort]) } };
}

export function toConverseMessages(messages: Message[]): { system: SystemContentBlock[]; messages: BedrockMessage[] } {
  const system: SystemContentBlock[] = [];
  const out: BedrockMessage[] = [];
  const append = (role: 'user' | 'assistant', blocks: ContentBlock[]) => {
    const last = out.at(-1);
    if (last && last.role === role && last.content) last.content.push(...blocks);
    else out.push({ role, content: blocks });
  };
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        system.push({ text: message.content });
        break;
      case 'user':
        append('user', userBlocks(message));
        break;
      case 'assistant':
        append('assistant', assistantBlocks(message));
        break;
      case 'tool':
        append('user', [toolResultBlock(message)]);
        break;
    }
  }
  return { system, messages: out };
}

export function toConverseTools(tools: ToolSpec[]): Tool[] {
  return tools.map((tool) => ({
    toolSpec: { name: tool.name, description: tool.description, inputSchema: { json: tool.parameters as Document } },
  }));
}

/**
 * Converse's toolChoice knows auto | any | tool but not "none". Dropping the tools instead would
 * make "no tool calls" true by construction, so 'none' is refused: a test that needs it is
 * unsupported on this protocol (its limits declare tool_choice_none false).
 */
export function toConverseToolChoice(choice: ToolChoice): BedrockToolChoice {
  if (choice === 'none') throw unrepresentable("bedrock-converse: Converse's toolChoice has no 'none' (only auto, any, tool); the adapter will not drop the tools to fake it");
  if (choice === 'auto') return { auto: {} };
  if (choice === 'required') return { any: {} };
  return { tool: { name: choice.name } };
}

function toInferenceConfig(request: ChatRequest): InferenceConfiguration | undefined {
  const config: InferenceConfiguration = {};
  if (request.maxTokens !== undefined) config.maxTokens = request.maxTokens;
  if (request.temperature !== undefined) config.temperature = request.temperature;
  if (request.topP !== undefined) config.topP = request.topP;
  if (request.stop !== undefined) config.stopSequences = request.stop;
  return Object.keys(config).length > 0 ? config : undefined;
}

/**
 * The input of ConverseCommand / ConverseStreamCommand for a normalized request.
 * Not mapped, because Converse has no such field: `seed` and `parallelToolCalls`.
 */
export function toConverseRequest(request: ChatRequest): ConverseRequest {
  const { system, messages } = toConverseMessages(request.messages);
  const input: ConverseRequest = { modelId: request.model, messages };
  if (system.length > 0) input.system = request.cacheSystemPrompt ? [...system, { cachePoint: { type: 'default' } }] : system;
  if (request.responseFormat !== undefined) input.outputConfig = toConverseOutputConfig(request.responseFormat);
  if (request.reasoning !== undefined) input.additionalModelRequestFields = toConverseReasoningFields(request.reasoning);
  const inferenceConfig = toInferenceConfig(request);
  if (inferenceConfig) input.inferenceConfig = inferenceConfig;
  if (request.toolChoice === 'none') toConverseToolChoice('none');
  if (request.tools && request.tools.length > 0) {
    const toolConfig: ToolConfiguration = { tools: toConverseTools(request.tools) };
    if (request.toolChoice !== undefined) toolConfig.toolChoice = toConverseToolChoice(request.toolChoice);
    input.toolConfig = toolConfig;
  }
  return input;
}

/** CountTokens for the Converse form of the request (its messages, system prompt and tools). */
export function toCountTokensRequest(request: ChatRequest): CountTokensRequest {
  const { modelId, messages, system, toolConfig, additionalModelRequestFields } = toConverseRequest(request);
  return { modelId, input: { converse: { messages, system, toolConfig, additionalModelRequestFields } } };
}
