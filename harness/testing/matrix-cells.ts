import type { CellResult } from '../verdicts/verdict.ts';

/** A cell result for reporter tests: a pass of core.chat on llama_cpp/smol/openai-chat unless overridden. */
export function cellResult(overrides: Partial<CellResult> & Record<string, unknown> = {}): CellResult {
  return {
    runId: 'r',
    suite: 'core',
    test: 'chat',
    provider: 'llama_cpp',
    model: 'smol',
    protocol: 'openai-chat',
    verdict: 'pass',
    durationMs: 5,
    startedAt: '2026-12-06T00:00:00.000Z',
    assertion: 'protocol',
    tags: [],
    ...overrides,
  };
}

/** The suite order of the reporter tests: core (chat, bad_credentials, stream), then tools (call). */
export const SUITE_ORDER = [
  { id: 'core', tests: [{ id: 'chat' }, { id: 'bad_credentials' }, { id: 'stream' }] },
  { id: 'tools', tests: [{ id: 'call' }] },
];

/**
 * Journal order as a real run writes it: decided cells first (core.bad_credentials, skipped
 * providers), then the run cells. Two tested targets, two unconfigured providers.
 */
export function sampleRun(): CellResult[] {
  return [
    cellResult({ test: 'bad_credentials', verdict: 'unsupported', message: 'no auth on a local server' }),
    cellResult({ provider: 'openai', model: 'gpt-5', protocol: 'openai-chat', verdict: 'skipped', message: 'no credentials: set OPENAI_API_KEY' }),
    cellResult({ provider: 'openai', model: 'gpt-5', protocol: 'openai-responses', suite: 'tools', test: 'call', verdict: 'skipped', message: 'no credentials: set OPENAI_API_KEY' }),
    cellResult({ provider: 'lm_studio', model: '(any)', protocol: 'openai-chat', verdict: 'skipped', message: 'no endpoint: start LM Studio\'s server on :1234' }),
    cellResult({ suite: 'tools', test: 'call', verdict: 'fail', layer: 'model', message: 'expected a <tool_call> & "x"\nsecond line', durationMs: 900, details: { ttftMs: 12.5, text: 'hi' } }),
    cellResult({ durationMs: 40, details: { ttftMs: 8 } }),
    cellResult({ test: 'stream', verdict: 'flaky', repeat: { runs: 3, passes: 2, passRate: 0.6667, wilson95: { low: 0.2077, high: 0.9385 }, attempts: [{ verdict: 'pass' }, { verdict: 'fail', layer: 'model' }, { verdict: 'pass' }] } as never }),
    cellResult({ protocol: 'anthropic-messages', test: 'stream', verdict: 'fail', layer: 'parser', message: 'bad JSON', baseline: { status: 'new', expected: { verdict: 'fail', layer: 'model' } } }),
    cellResult({ protocol: 'anthropic-messages', verdict: 'fail', layer: 'protocol', message: 'no stop_reason', baseline: { status: 'known', reason: 'llama-server gap' }, attempts: 2 }),
    cellResult({ protocol: 'anthropic-messages', suite: 'tools', test: 'call', verdict: 'pass', baseline: { status: 'stale' } }),
  ];
}
