import type { ChatResponse } from '../contract/chat.ts';
import type { Message } from '../contract/messages.ts';

/**
 * Messages in the GenAI semantic conventions' JSON shape (role + parts), for gen_ai.input.messages,
 * gen_ai.output.messages and gen_ai.system_instructions. Recorded only with --otel-content.
 */
type Part =
  | { type: 'text'; content: string }
  | { type: 'tool_call'; id?: string; name: string; arguments: unknown }
  | { type: 'tool_call_response'; id?: string; response: string };

export interface GenAiMessage {
  role: string;
  parts: Part[];
  finish_reason?: string;
}

const parseArguments = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

export function inputMessages(messages: readonly Message[]): GenAiMessage[] {
  return messages.filter((message) => message.role !== 'system').map((message): GenAiMessage => {
    if (message.role === 'tool') return { role: 'tool', parts: [{ type: 'tool_call_response', ...(message.toolCallId ? { id: message.toolCallId } : {}), response: message.content }] };
    if (message.role === 'assistant') {
      const parts: Part[] = message.content ? [{ type: 'text', content: message.content }] : [];
      for (const call of message.toolCalls ?? []) parts.push({ type: 'tool_call', ...(call.id ? { id: call.id } : {}), name: call.name, arguments: parseArguments(call.argumentsText) });
      return { role: 'assistant', parts };
    }
    return { role: message.role, parts: [{ type: 'text', content: message.content }] };
  });
}

export function systemInstructions(messages: readonly Message[]): Part[] | undefined {
  const system = messages.filter((message) => message.role === 'system').map((message): Part => ({ type: 'text', content: message.content }));
  return system.length > 0 ? system : undefined;
}

export function outputMessages(response: ChatResponse): GenAiMessage[] {
  const parts: Part[] = response.text ? [{ type: 'text', content: response.text }] : [];
  for (const call of response.toolCalls) parts.push({ type: 'tool_call', ...(call.id ? { id: call.id } : {}), name: call.name, arguments: parseArguments(call.argumentsText) });
  const reason = response.rawFinishReason ?? response.finishReason;
  return [{ role: 'assistant', parts, ...(reason !== undefined ? { finish_reason: reason } : {}) }];
}
