import type { ChatRequest } from '../contract/chat.ts';
import type { CallOptions, ProtocolClient } from '../contract/protocol-client.ts';
import { isVerifyError } from '../contract/verify-error.ts';
import { runToolLoop } from './run-tool-loop.ts';
import type { RegisteredTool, RoundRecord, ToolLoopOptions, ToolLoopResult } from './types.ts';

/**
 * Why an agent loop ended:
 * - completed — the model answered without tool calls (natural end)
 * - max_cycles — every allowed cycle ended with tool calls
 * - timeout — the loop's own deadline passed (the in-flight request or tool was aborted)
 * - error — a request failed (HTTP error, broken stream, ...): the error is returned, not thrown
 */
export type Termination = 'completed' | 'max_cycles' | 'timeout' | 'error';

/** What was running when the loop stopped at its deadline, and whether it saw the abort. */
export interface InFlight {
  kind: 'request' | 'tool';
  /** The tool's name (kind tool). */
  name?: string;
  /** Whether the signal handed to it was aborted by the end (the loop cancelled it, not just left it). */
  aborted: boolean;
}

export interface AgentLoopOptions extends Omit<ToolLoopOptions, 'maxRounds' | 'onRound'> {
  /** A cycle = one model request and the execution of the calls it made. */
  maxCycles: number;
}

export interface AgentLoopResult {
  termination: Termination;
  /** Cycles that finished (a request answered and its calls executed). */
  cycles: number;
  rounds: RoundRecord[];
  elapsedMs: number;
  /** The whole loop result when it ended by itself (completed or max_cycles). */
  result?: ToolLoopResult;
  /** termination error: what the request threw (a VerifyError from the adapter, or our own bug). */
  error?: unknown;
  /** termination timeout: what was running at the deadline. */
  inFlight?: InFlight;
}

/** Wraps a client so the loop knows whether a request is in flight and whether its signal was aborted. */
function watchClient(client: ProtocolClient, watch: (entry: InFlight, signal?: AbortSignal) => () => void): ProtocolClient {
  return {
    protocol: client.protocol,
    transcript: client.transcript,
    listModels: (options) => client.listModels(options),
    health: (options) => client.health(options),
    close: () => client.close(),
    async chat(request: ChatRequest, options?: CallOptions) {
      const done = watch({ kind: 'request', aborted: false }, options?.signal);
      try {
        return await client.chat(request, options);
      } finally {
        done();
      }
    },
    async *stream(request: ChatRequest, options?: CallOptions) {
      const done = watch({ kind: 'request', aborted: false }, options?.signal);
      try {
        yield* client.stream(request, options);
      } finally {
        done();
      }
    },
  };
}

/**
 * The agent loop: the tool loop with a cycle limit and a wall-clock deadline whose every ending is
 * a termination reason, never a hang or an exception. Built on runToolLoop (argument validation,
 * tool errors as results, id pairing). Only an abort of the caller's own signal is rethrown (the
 * test's deadline is not the loop's).
 */
export async function runAgentLoop(options: AgentLoopOptions): Promise<AgentLoopResult> {
  const { maxCycles, ...loopOptions } = options;
  if (maxCycles < 1) throw new Error('runAgentLoop: maxCycles must be at least 1');
  const started = performance.now();
  const rounds: RoundRecord[] = [];
  let current: { entry: InFlight; signal?: AbortSignal } | undefined;
  let last: { entry: InFlight; signal?: AbortSignal } | undefined;
  const watch = (entry: InFlight, signal?: AbortSignal) => {
    const mine = { entry, signal };
    current = mine;
    return () => {
      mine.entry.aborted = signal?.aborted === true;
      last = mine;
      if (current === mine) current = undefined;
    };
  };
  const tools: RegisteredTool[] = options.tools.map((tool) => ({
    spec: tool.spec,
    async execute(args, run) {
      const done = watch({ kind: 'tool', name: tool.spec.name, aborted: false }, run?.signal);
      try {
        return await tool.execute(args, run);
      } finally {
        done();
      }
    },
  }));
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const result = await runToolLoop({
      ...loopOptions,
      client: watchClient(options.client, watch),
      tools,
      maxRounds: maxCycles,
      onRound: (round) => rounds.push(round),
    });
    const termination: Termination = result.stoppedBecause === 'final_answer' ? 'completed' : 'max_cycles';
    return { termination, cycles: rounds.length, rounds, elapsedMs: elapsed(), result };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (isVerifyError(error) && error.kind === 'timeout' && /deadline of \d+ ms passed/.test(error.message) && error.message.startsWith('tool loop')) {
      // The deadline raced the in-flight work; give its abort handler a tick to run before reading it.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const running = current ?? last;
      const inFlight = running ? { ...running.entry, aborted: running.signal?.aborted === true } : undefined;
      return { termination: 'timeout', cycles: rounds.length, rounds, elapsedMs: elapsed(), error, ...(inFlight ? { inFlight } : {}) };
    }
    return { termination: 'error', cycles: rounds.length, rounds, elapsedMs: elapsed(), error };
  }
}
