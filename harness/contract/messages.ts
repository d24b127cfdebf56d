/** Normalized conversation messages: what every protocol adapter maps to and from. */

export type Role = 'system' | 'user' | 'assistant' | 'tool';

/**
 * Marks a value the adapter had to make up because its protocol has no such concept (Gemini and
 * Ollama's native API pair calls by name and order; the embedded library has no wire). Checks
 * skip or adjust only for synthesized values: a value a protocol defines but the server left out
 * stays absent.
 */
export type Synthesized = 'synthesized';

/** A tool call the model made, with arguments as the raw JSON text the provider sent. */
export interface ToolCall {
  /** The call id exactly as the wire carried it; absent when the server sent none. */
  id?: string;
  /** Present only when `id` was made up by the adapter (the protocol has no call ids). */
  idSource?: Synthesized;
  name: string;
  /** Raw arguments text exactly as received (may be invalid JSON: that is a verdict, not a crash). */
  argumentsText: string;
}

export interface SystemMessage {
  role: 'system';
  content: string;
}

/** A file the user sends with a message: base64 bytes and their media type. */
export type Attachment =
  | { kind: 'image'; mediaType: 'image/png' | 'image/jpeg'; data: string }
  | { kind: 'pdf'; mediaType: 'application/pdf'; data: string; filename: string };

export interface UserMessage {
  role: 'user';
  content: string;
  /** Images and documents sent before the text; an adapter whose protocol cannot carry one refuses the request. */
  attachments?: Attachment[];
}

export interface AssistantMessage {
  role: 'assistant';
  content: string;
  toolCalls?: ToolCall[];
}

/** The result of executing a tool, answering the call with `toolCallId`. */
export interface ToolResultMessage {
  role: 'tool';
  /** The id of the call it answers; absent when that call had none (the server then sees none). */
  toolCallId?: string;
  /** Present when the answered call's id was synthesized by the adapter (never send it back as a wire id). */
  toolCallIdSource?: Synthesized;
  /** Name of the tool that was called (Gemini and Ollama need it; others ignore it). */
  name: string;
  content: string;
  isError?: boolean;
}

export type Message = SystemMessage | UserMessage | AssistantMessage | ToolResultMessage;
