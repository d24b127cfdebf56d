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
import type { ChatRequest } from '../../contract/chat.ts';
import type { AssistantMessage, Message, ToolResultMessage } from '../../contract/messages.ts';
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
        append('user', [{ text: message.content }]);
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
  if (system.length > 0) input.system = system;
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
