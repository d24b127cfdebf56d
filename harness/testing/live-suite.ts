import { appendFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SuiteDefinition, Target } from '../suite/define.ts';
import { createLlamaTarget } from './live-target.ts';
import { formatOutcome, runDefinition } from './run-definition.ts';

/**
 * Test helper: runs every test of a suite against the llama-server at LLM_VERIFY_LLAMA_URL over
 * openai-chat (npm test starts one), printing each verdict. Any verdict is fine; one of layer
 * harness (a bug in our own code) is not. Skipped when no server URL is set.
 */
export function describeSuiteLive(suite: SuiteDefinition): void {
  const url = process.env.LLM_VERIFY_LLAMA_URL;
  describe.skipIf(!url)(`${suite.id} suite, live on llama-server openai-chat (LLM_VERIFY_LLAMA_URL)`, () => {
    let target: Target;
    beforeAll(async () => {
      target = await createLlamaTarget(url ?? '');
    });

    for (const test of suite.tests) {
      it(`${test.id} reaches a verdict`, async () => {
        const outcome = await runDefinition(test, target);
        const line = formatOutcome(outcome);
        console.log(line);
        if (process.env.LLM_VERIFY_LIVE_LOG) appendFileSync(process.env.LLM_VERIFY_LIVE_LOG, `${line}\n`);
        expect(outcome.layer, outcome.message).not.toBe('harness');
      }, 600_000);
    }
  });
}
