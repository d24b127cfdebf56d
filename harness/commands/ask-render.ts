import Table from 'cli-table3';
import type { AskResult } from './ask-run.ts';
import { formatAdvice } from './error-advice.ts';

export const ASK_FORMATS = ['pretty', 'json', 'json-pretty', 'plain'] as const;
export type AskFormat = (typeof ASK_FORMATS)[number];

const ms = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`);

function usageText(result: AskResult): string {
  const usage = result.usage;
  if (!usage) return 'usage not reported';
  const part = (value: number | undefined, name: string) => `${value ?? '?'} ${name}`;
  return `tokens ${part(usage.input, 'in')} / ${part(usage.output, 'out')} / ${part(usage.total, 'total')}`;
}

/** The facts under an answer: finish reason, usage, latency, streaming speed, the server's own timings. */
export function statsLines(result: AskResult): string[] {
  const finish = result.finishReason ? `finish ${result.finishReason}${result.rawFinishReason && result.rawFinishReason !== result.finishReason ? ` (${result.rawFinishReason})` : ''}` : 'finish —';
  const parts = [finish, usageText(result)];
  if (result.latencyMs !== undefined) parts.push(ms(result.latencyMs));
  const lines = [parts.join(' · ')];
  if (result.stream) {
    const ttft = result.stream.ttftMs !== undefined ? `TTFT ${ms(result.stream.ttftMs)}` : 'TTFT — (no content)';
    const speed = result.stream.tokensPerSecond !== undefined ? `${result.stream.tokensPerSecond.toFixed(1)} tok/s` : 'tok/s — (needs reported usage and 2+ tokens)';
    lines.push(`stream: ${ttft} · ${speed} · ${result.stream.deltas} deltas`);
  }
  const timings = result.serverTimings;
  if (timings) {
    const prompt = timings.promptMs !== undefined ? `prompt ${timings.promptTokens ?? '?'} tok in ${ms(timings.promptMs)}` : undefined;
    const gen = timings.predictedMs !== undefined ? `${timings.predictedTokens ?? '?'} tok in ${ms(timings.predictedMs)}${timings.predictedPerSecond !== undefined ? ` (${timings.predictedPerSecond.toFixed(1)} tok/s)` : ''}` : undefined;
    lines.push(`server timings: ${[prompt, gen].filter(Boolean).join(' · ')}`);
  }
  return lines;
}

function answerText(result: AskResult): string {
  const parts: string[] = [];
  if (result.reasoning) parts.push(`[reasoning] ${result.reasoning}`);
  parts.push(result.text ?? '');
  for (const call of result.toolCalls ?? []) parts.push(`[tool call ${call.name}] ${call.argumentsText}`);
  return parts.filter((part) => part !== '').join('\n');
}

/** The header printed above a single answer (before live tokens when streaming). */
export const singleHeader = (target: string): string => `── ${target}`;

/** Everything after the answer of a single pretty result (or the whole of it when it was not streamed live). */
export function renderSingle(result: AskResult, options: { answerAlreadyPrinted: boolean }): string {
  const lines: string[] = [];
  if (!options.answerAlreadyPrinted) {
    lines.push(singleHeader(result.target));
    if (result.ok || answerText(result) !== '') lines.push(answerText(result));
  }
  else if (result.toolCalls?.length) lines.push(...result.toolCalls.map((call) => `[tool call ${call.name}] ${call.argumentsText}`));
  if (result.error) lines.push(`✗ ${formatAdvice(result.error)}`);
  if (result.ok || result.usage || result.finishReason) lines.push('', ...statsLines(result));
  return `${lines.join('\n')}\n`;
}

/** Several answers side by side, one column each, the facts under each answer. */
export function renderSideBySide(results: readonly AskResult[], width: number): string {
  const columns = results.length;
  const colWidth = Math.max(20, Math.floor((width - 1) / columns) - 1);
  const table = new Table({
    head: results.map((result) => result.target),
    colWidths: results.map(() => colWidth),
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [] },
  });
  table.push(results.map((result) => (result.error && !result.ok ? `✗ ${formatAdvice(result.error)}` : answerText(result))));
  table.push(results.map((result) => statsLines(result).flatMap((line) => line.split(' · ')).join('\n')));
  return `${table.toString()}\n`;
}

/** Plain: the answer text only; with several results each under a "== target ==" line. */
export function renderPlain(results: readonly AskResult[]): string {
  if (results.length === 1 && results[0]) return `${answerText(results[0])}\n`;
  return results.map((result) => `== ${result.target} ==\n${result.ok ? answerText(result) : `✗ ${result.error?.kind ?? 'error'}`}\n`).join('');
}

/** JSON: one object for one target, an array for several. */
export function renderJson(results: readonly AskResult[], pretty: boolean): string {
  const value = results.length === 1 ? results[0] : results;
  return `${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`;
}
