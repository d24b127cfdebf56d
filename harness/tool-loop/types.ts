import type { ChatRequest, ChatResponse } from '../contract/chat.ts';
import type { Message, ToolCall } from '../contract/messages.ts';
import type { ProtocolClient } from '../contract/protocol-client.ts';
import type { StreamEvent } from '../contract/stream.ts';
import type { ToolChoice, ToolSpec } from '../contract/tools.ts';

/** What the loop hands a running tool: a signal aborted when the loop's deadline passes. */
export interface ToolRunContext {
  signal: AbortSignal;
}

/** A tool's implementation: gets the parsed, schema-checked arguments, returns the result text. */
export type ToolImplementation = (args: unknown, run?: ToolRunContext) => string | Promise<string>;

/** A tool the loop can execute: what the model sees (spec) and what runs (execute). */
export interface RegisteredTool {
  spec: ToolSpec;
  /** Throw a ToolError for an expected failure (missing file, unknown city): it becomes an error result. */
  execute: ToolImplementation;
}

/**
 * Outcome of checking one call's arguments before execution.
 * - ok: valid JSON, passes the tool's schema
 * - invalid_json: the arguments text does not parse
 * - schema_violation: parses, but ajv rejects it against the tool's JSON Schema
 * - unknown_tool: the model named a tool that was not declared
 * - unvalidated: the tool's own schema could not be compiled by ajv (e.g. an empty enum); executed anyway
 */
export type ValidationStatus = 'ok' | 'invalid_json' | 'schema_violation' | 'unknown_tool' | 'unvalidated';

export interface ArgumentValidation {
  status: ValidationStatus;
  /** Human-readable reasons (ajv errors as "path message", the JSON parse error, ...). Empty when ok. */
  errors: string[];
}

export interface ToolResult {
  content: string;
  isError: boolean;
}

/** One tool call of a round: what the model sent, how its arguments were judged, what was answered. */
export interface CallRecord {
  call: ToolCall;
  validation: ArgumentValidation;
  /** Parsed arguments when the text was valid JSON. */
  arguments?: unknown;
  /** Whether the implementation ran (only when validation is ok or unvalidated). */
  executed: boolean;
  result: ToolResult;
}

export interface RoundRecord {
  /** 1-based. */
  round: number;
  /** The messages sent in this round's request (a copy). */
  requestMessages: Message[];
  toolChoice?: ToolChoice;
  response: ChatResponse;
  calls: CallRecord[];
  /** Stream mode: ms from request start to the first text_delta / tool_call_start, if any arrived. */
  ttftMs?: number;
  durationMs: number;
}

export type StopReason = 'final_answer' | 'max_rounds';

export interface ToolLoopResult {
  rounds: RoundRecord[];
  /** Text of the last response. */
  finalText: string;
  finalResponse: ChatResponse;
  stoppedBecause: StopReason;
  /** Every event in order: round_start/round_end, and in stream mode the normalized stream events. */
  events: StreamEvent[];
  /** The whole conversation, including the last response as an assistant message. */
  messages: Message[];
}

export interface ToolLoopOptions {
  client: ProtocolClient;
  /** The first request; its `tools` are replaced by the registered tools' specs unless already set. */
  request: ChatRequest;
  tools: RegisteredTool[];
  maxRounds: number;
  /** Wall-clock budget for the whole loop, in ms. Exceeding it throws VerifyError kind 'timeout'. */
  deadlineMs: number;
  signal?: AbortSignal;
  stream?: boolean;
  /** Tool choice per round (1-based). Default: the request's toolChoice in round 1, unset afterwards. */
  toolChoiceForRound?: (round: number) => ToolChoice | undefined;
  onEvent?: (event: StreamEvent) => void;
  /** Called after each finished round (so a caller keeps the rounds of a loop that later throws). */
  onRound?: (round: RoundRecord) => void;
}
