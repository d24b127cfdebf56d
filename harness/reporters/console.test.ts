import { describe, expect, it } from 'vitest';
import type { Cell } from '../matrix/cell.ts';
import { fakeTargetPlan } from '../testing/fake-target.ts';
import type { CellResult } from '../verdicts/verdict.ts';
import { createProgressPrinter, printDecidedCells, printSummary } from './console.ts';
import { cellResult } from '../testing/matrix-cells.ts';
import { reportPaths } from './write-reports.ts';

function cell(test: string, gate: Cell['gate'], provider = 'openai'): Cell {
  return {
    id: `${provider}/m/openai-chat/core.${test}`,
    suite: 'core',
    test,
    provider,
    model: 'm',
    protocol: 'openai-chat',
    requires: [],
    tags: [],
    assertion: 'protocol',
    gate,
    target: fakeTargetPlan(),
    timeoutMs: 1000,
  };
}

describe('printDecidedCells', () => {
  it('prints one line per target and reason, naming up to three tests', () => {
    const lines: string[] = [];
    const skipped = { action: 'skipped', reason: 'no credentials: set OPENAI_API_KEY' } as const;
    printDecidedCells(
      [cell('a', skipped), cell('b', skipped), cell('c', skipped), cell('d', skipped), cell('x', { action: 'unsupported', reason: 'model declares no auth' }), cell('y', { action: 'run' })],
      (line) => lines.push(line),
    );
    expect(lines).toEqual([
      'SKIP  openai/m/openai-chat: 4 cells — no credentials: set OPENAI_API_KEY',
      'UNSUP openai/m/openai-chat: 1 cell (core.x) — model declares no auth',
    ]);
  });
});

describe('createProgressPrinter', () => {
  it('numbers finished cells and shows the layer and first line of a failure', () => {
    const lines: string[] = [];
    const print = createProgressPrinter(12, (line) => lines.push(line));
    const result: CellResult = {
      runId: 'r', suite: 'core', test: 'basic_chat', provider: 'p', model: 'm', protocol: 'openai-chat',
      verdict: 'fail', layer: 'protocol', message: 'finish_reason is length\nmore', durationMs: 42, startedAt: '', assertion: 'protocol', tags: [],
    };
    print(result);
    expect(lines).toEqual(['[ 1/12] FAIL  p/m/openai-chat core.basic_chat 42 ms [protocol] — finish_reason is length']);
  });
});

describe('printSummary', () => {
  it('has a row per target that ran and one line for the providers whose every cell was skipped', () => {
    const lines: string[] = [];
    printSummary(
      [
        cellResult({}),
        cellResult({ test: 'b', verdict: 'fail', layer: 'model' }),
        cellResult({ test: 'c', verdict: 'skipped', message: 'no GPU' }),
        cellResult({ provider: 'openai', model: 'gpt', verdict: 'skipped', message: 'no credentials' }),
        cellResult({ provider: 'openai', model: 'gpt', test: 'b', verdict: 'skipped', message: 'no credentials' }),
        cellResult({ provider: 'openai', model: 'mini', verdict: 'skipped', message: 'no credentials' }),
        cellResult({ provider: 'vllm', model: '(discovered)', verdict: 'skipped', message: 'unreachable' }),
      ],
      reportPaths('/r/run'),
      (line) => lines.push(line),
    );
    expect(lines.slice(0, 4)).toEqual([
      '',
      'target                      pass  fail  error  skipped  unsupported  flaky  cost',
      'llama_cpp/smol/openai-chat     1     1      0        1            0      0     -',
      'not run (every cell skipped): openai, vllm — 3 targets, 4 cells; what each needs: the SKIP lines above, or the matrix',
    ]);
    expect(lines.at(-2)).toBe('cost: $0 in total');
    expect(lines.at(-1)).toBe('llm-verify: 7 cells: 1 pass, 1 fail (model 1), 0 unsupported, 5 skipped, 0 error, 0 flaky');
  });
});
