import { writeFileSync } from 'node:fs';
import type { ChatRequest } from '../../contract/chat.ts';
import type { ProtocolClient } from '../../contract/protocol-client.ts';

/** The command line of a fixtures/record.ts script: `<baseUrl> [model] [fixture names...]`. */
export function parseRecordArgs(argv: readonly string[]): { baseUrl: string; model: string; only: string[] } {
  const [baseUrl, model = 'smollm2-135m-instruct', ...only] = argv;
  if (!baseUrl) throw new Error('usage: record.ts <baseUrl> [model] [fixture names...]');
  return { baseUrl, model, only };
}

/** The requests the llama-server fixtures are recorded with (see a record.ts for why the tool prompt is odd). */
export function fixtureRequests(model: string): { text: ChatRequest; tool: ChatRequest } {
  const calculator = {
    name: 'calculator',
    description: 'Evaluates an arithmetic expression and returns the result',
    parameters: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] },
  };
  return {
    text: {
      model,
      maxTokens: 40,
      messages: [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: 'Say hello in one short sentence.' },
      ],
    },
    tool: {
      model,
      maxTokens: 128,
      tools: [calculator],
      toolChoice: 'required',
      parallelToolCalls: false,
      messages: [{ role: 'user', content: '{"name": "calculator"... compute 12 * 7 with the calculator' }],
    },
  };
}

/**
 * Records fixtures with the adapter itself (raw SDK objects come from its transcript) into the
 * folder `dir` (a file URL ending in '/'), skipping names not in `only` when it is non-empty.
 */
export function createFixtureRecorder(client: ProtocolClient, dir: URL, only: readonly string[]) {
  const wanted = (name: string): boolean => only.length === 0 || only.includes(name);
  const save = (name: string, value: unknown): void => {
    writeFileSync(new URL(`./${name}.json`, dir), `${JSON.stringify(value, null, 2)}\n`);
    console.log(`wrote ${name}.json`);
  };
  return {
    /** Saves the raw stream events of one streamed call. */
    async recordStream(name: string, request: ChatRequest): Promise<void> {
      if (!wanted(name)) return;
      const mark = client.transcript.mark();
      for await (const event of client.stream(request)) void event;
      save(name, client.transcript.since(mark).flatMap((entry) => (entry.kind === 'stream_event' ? [entry.event] : [])));
    },
    /** Saves the raw response body of one call. */
    async recordChat(name: string, request: ChatRequest): Promise<void> {
      if (!wanted(name)) return;
      const mark = client.transcript.mark();
      await client.chat(request);
      save(name, client.transcript.since(mark).find((entry) => entry.kind === 'response')?.body);
    },
  };
}
