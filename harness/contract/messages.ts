/** Normalized conversation messages: what every protocol adapter maps to and from. */

export type Role = 'system' | 'user' | 'assistant' | 'tool';

/** A tool call the model made, with arguments as the raw JSON text the provider sent. */
export interface ToolCall {
  id: string;
  name: string;
  /** Raw arguments text exactly as received (may be invalid JSON: that is a verdict, not a crash). */
  argumentsText: string;
}

export interface SystemMessage {
  role: 'system';
  content: string;
}

export interface UserMessage {
  role: 'user';
  content: string;
}

export interface AssistantMessage {
  role: 'assistant';
  content: string;
  toolCalls?: ToolCall[];
}

/** The result of executing a tool, answering the call with `toolCallId`. */
export interface ToolResultMessage {
  role: 'tool';
  toolCallId: string;
  /** Name of the tool that was called (Gemini and Ollama need it; others ignore it). */
  name: string;
  content: string;
  isError?: boolean;
}

export type Message = SystemMessage | UserMessage | AssistantMessage | ToolResultMessage;
