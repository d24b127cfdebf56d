import { defineSuite } from '../../harness/suite/define.ts';
import { agentTests } from './agent-tests.ts';
import { concurrentRequestsTest } from './concurrent-requests.ts';
import { contextLimitTest } from './context-limit.ts';
import { embeddingsTest } from './embeddings.ts';
import { mcpTests } from './mcp-tests.ts';
import { pdfInputTest } from './pdf-input.ts';
import { promptCachingTest } from './prompt-caching.ts';
import { reasoningTest } from './reasoning.ts';
import { structuredOutputJsonModeTest } from './structured-output-json-mode.ts';
import { structuredOutputSchemaTest } from './structured-output-schema.ts';
import { tokenCountingTest } from './token-counting.ts';
import { visionInputTest } from './vision-input.ts';

/**
 * Advanced: features users find broken when they switch provider or server (structured output,
 * embeddings, token counting, context limits, prompt caching, concurrency, reasoning, vision and
 * PDF input: one test per file), agent loops and MCP tools (one list per concern).
 */
export const advancedSuite = defineSuite({
  id: 'advanced',
  description:
    'Structured output, embeddings, token counting, context limits, prompt caching, concurrency, reasoning, vision and PDF input; agent loops (multi-step, cycle limit, timeout, tool error recovery) and MCP tools (discovery, call, error)',
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
    ...agentTests,
    ...mcpTests,
  ],
});
