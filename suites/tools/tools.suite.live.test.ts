import { appendFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Target } from '../../harness/suite/define.ts';
import { createLlamaTarget, formatOutcome, runDefinition } from './live-target.ts';
import { toolsSuite } from './tools.suite.ts';

const url = process.env.LLM_VERIFY_LLAMA_URL;

describe.skipIf(!url)('tools suite, live on llama-server openai-chat (LLM_VERIFY_LLAMA_URL)', () => {
  let target: Target;
  beforeAll(async () => {
    target = await createLlamaTarget(url ?? '');
  });

  for (const test of toolsSuite.tests) {
    it(`${test.id} reaches a verdict`, async () => {
      const outcome = await runDefinition(test, target);
      const line = formatOutcome(outcome);
      console.log(line);
      if (process.env.LLM_VERIFY_LIVE_LOG) appendFileSync(process.env.LLM_VERIFY_LIVE_LOG, `${line}\n`);
      // Any verdict is fine here; a harness exception (a bug in the test body) is not.
      expect(outcome.message ?? '').not.toMatch(/^harness error/);
    }, 600_000);
  }
});
