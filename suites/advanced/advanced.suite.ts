import { defineSuite } from '../../harness/suite/define.ts';
import { concurrentRequestsTest } from './concurrent-requests.ts';
import { contextLimitTest } from './context-limit.ts';
import { embeddingsTest } from './embeddings.ts';
import { pdfInputTest } from './pdf-input.ts';
import { promptCachingTest } from './prompt-caching.ts';
import { reasoningTest } from './reasoning.ts';
import { structuredOutputJsonModeTest } from './structured-output-json-mode.ts';
import { structuredOutputSchemaTest } from './structured-output-schema.ts';
import { tokenCountingTest } from './token-counting.ts';
import { visionInputTest } from './vision-input.ts';

/** Features users find broken when they switch provider or server: one test per file, listed here. */
export const advancedSuite = defineSuite({
  id: 'advanced',
  description: 'Structured output, embeddings, token counting, context limits, prompt caching, concurrency, reasoning, vision and PDF input.',
  tests: [
    structuredOutputSchemaTest,
    structuredOutputJsonModeTest,
    embeddingsTest,
    tokenCountingTest,
    contextLimitTest,
    promptCachingTest,
    concurrentRequestsTest,
    reasoningTest,
    visionInputTest,
    pdfInputTest,
  ],
});
