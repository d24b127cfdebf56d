import type { DeclaredCapabilities } from '../harness/contract/capability.ts';

/** What every chat model pinned here declares: chat with a system prompt and turns, a token limit, usage. */
export const CHAT_BASICS = { chat: true, system_prompt: true, multi_turn: true, max_tokens: true, usage: true } as const satisfies DeclaredCapabilities;

/** Streamed text with usage, and tool calls, streamed too. */
export const STREAMED_TOOLS = { tools: true, streaming: true, streaming_tools: true, stream_usage: true } as const satisfies DeclaredCapabilities;
