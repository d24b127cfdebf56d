import type { ClientConfig } from '../../harness/contract/protocol-client.ts';
import { createOpenAIChatClient } from '../../harness/protocols/openai-chat/client.ts';
import type { Target, TestContext, VerifyTestDefinition } from '../../harness/suite/define.ts';
import { VerdictSignal } from '../../harness/verdicts/check-failure.ts';
import { classifyOutcome, type Classified } from '../../harness/verdicts/classify.ts';
import llamaCpp from '../../providers/llama_cpp/provider.ts';

/**
 * For the suites' own live tests only (the lead's runner does this for real runs): a Target for
 * a running llama-server on openai-chat, built by hand, and a minimal TestContext.
 */
export async function createLlamaTarget(url: string): Promise<Target> {
  const model = llamaCpp.models[0];
  if (!model) throw new Error('providers/llama_cpp declares no model');
  const config: ClientConfig = { protocol: 'openai-chat', baseUrl: `${url.replace(/\/$/, '')}/v1`, timeoutMs: 60_000, maxRetries: 0 };
  const quirks = llamaCpp.quirks ?? [];
  return {
    providerId: llamaCpp.id,
    providerName: llamaCpp.displayName,
    model,
    protocol: 'openai-chat',
    capabilities: model.capabilities,
    quirks,
    client: await createOpenAIChatClient(config),
    auth: 'none',
    clientWith: (overrides) => createOpenAIChatClient({ ...config, ...overrides }),
    quirk: (name) => quirks.find((quirk) => quirk.name === name)?.value,
  };
}

export interface LiveOutcome extends Classified {
  test: string;
  durationMs: number;
  details: Record<string, unknown>;
}

/** Runs one definition like the runner would: capability gating, a deadline, verdict classification. */
export async function runDefinition(test: VerifyTestDefinition, target: Target, timeoutMs = 300_000): Promise<LiveOutcome> {
  const details: Record<string, unknown> = {};
  const started = performance.now();
  const gated = test.requires.filter((capability) => target.capabilities[capability] === false);
  if (gated.length > 0) {
    return { test: test.id, verdict: 'unsupported', message: `declared unsupported: ${gated.join(', ')}`, durationMs: 0, details };
  }
  const context: TestContext = {
    target,
    signal: AbortSignal.timeout(test.timeoutMs ?? timeoutMs),
    record: (key, value) => {
      details[key] = value;
    },
    skip: (reason) => {
      throw new VerdictSignal('skipped', reason);
    },
    unsupported: (reason) => {
      throw new VerdictSignal('unsupported', reason);
    },
  };
  let thrown: unknown;
  try {
    await test.run(context);
  } catch (error) {
    thrown = error;
  }
  return { test: test.id, ...classifyOutcome(thrown), durationMs: Math.round(performance.now() - started), details };
}

export function formatOutcome(outcome: LiveOutcome): string {
  const verdict = outcome.layer ? `${outcome.verdict}/${outcome.layer}` : outcome.verdict;
  return `${outcome.test.padEnd(26)} ${verdict.padEnd(18)} ${String(outcome.durationMs).padStart(6)} ms  ${outcome.message ?? ''}\n    details: ${JSON.stringify(outcome.details).slice(0, 1500)}`;
}
