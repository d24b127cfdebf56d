import type { ChatHistoryItem, ChatModelFunctionCall, ChatModelFunctions, GbnfJsonSchema } from 'node-llama-cpp';
import type { Message, ToolResultMessage } from '../../contract/messages.ts';
import type { ToolSpec } from '../../contract/tools.ts';
import { VerifyError } from '../../contract/verify-error.ts';

function parseArguments(text: string, callId: string | undefined): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new VerifyError({ kind: 'invalid_request', layer: 'protocol', message: `embedded: tool call ${callId} has arguments that are not JSON` });
  }
}

/**
 * Maps contract messages to node-llama-cpp chat history. node-llama-cpp keeps a tool call and its
 * result together inside the model's response item, so each tool message is folded into the
 * assistant message whose call it answers (matched by id).
 */
export function toChatHistory(messages: readonly Message[]): ChatHistoryItem[] {
  const results = new Map<string, ToolResultMessage>();
  for (const message of messages) if (message.role === 'tool' && message.toolCallId !== undefined) results.set(message.toolCallId, message);

  const history: ChatHistoryItem[] = [];
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        history.push({ type: 'system', text: message.content });
        break;
      case 'user':
        history.push({ type: 'user', text: message.content });
        break;
      case 'assistant': {
        const response: Array<string | ChatModelFunctionCall> = [];
        if (message.content !== '') response.push(message.content);
        for (const call of message.toolCalls ?? []) {
          const result = call.id === undefined ? undefined : results.get(call.id);
          response.push({
            type: 'functionCall',
            name: call.name,
            params: parseArguments(call.argumentsText, call.id),
            result: result ? (result.isError ? { error: result.content } : result.content) : undefined,
          });
        }
        history.push({ type: 'model', response });
        break;
      }
      case 'tool':
        break; // folded into the assistant message above
    }
  }
  // generateResponse continues the last model item: after tool results that is the assistant turn
  // holding the calls; otherwise a fresh, empty one asks for a new answer.
  if (history.at(-1)?.type !== 'model') history.push({ type: 'model', response: [] });
  return history;
}

export function toChatModelFunctions(tools: readonly ToolSpec[]): ChatModelFunctions {
  const functions: Record<string, { description: string; params: Readonly<GbnfJsonSchema> }> = {};
  for (const tool of tools) {
    functions[tool.name] = { description: tool.description, params: tool.parameters as unknown as GbnfJsonSchema };
  }
  return functions;
}
