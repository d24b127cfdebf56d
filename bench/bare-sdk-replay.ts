/**
 * The bench's baseline: the requests a harness run made (read from its transcripts), made again in
 * one Node process with the bare openai SDK and nothing else (no harness, no vitest, no checks).
 * Usage: node bench/bare-sdk-replay.ts <requests.json> (written by bench/replay-requests.ts).
 */
import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
import type { ReplayFile } from './replay-requests.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: bare-sdk-replay.ts <requests.json>');
const replay = JSON.parse(readFileSync(file, 'utf8')) as ReplayFile;
const client = new OpenAI({ baseURL: replay.baseUrl, apiKey: 'no-key', maxRetries: 0 });
let failed = 0;
await fetch(`${replay.rootUrl}/health`).then((response) => response.text());
for (const request of replay.requests) {
  try {
    if (request.method === 'GET' && request.path === '/models') {
      await client.models.list();
    } else if (request.method === 'POST' && request.path === '/chat/completions') {
      const body = request.body as OpenAI.ChatCompletionCreateParams;
      if (body.stream) {
        const stream = await client.chat.completions.create({ ...body, stream: true });
        for await (const _chunk of stream) {
          // consume every event, as the harness does
        }
      } else {
        await client.chat.completions.create({ ...body, stream: false });
      }
    } else {
      await client.request({ method: request.method === 'GET' ? 'get' : 'post', path: request.path, body: request.body });
    }
  } catch {
    failed += 1;
  }
}
process.stdout.write(`${JSON.stringify({ requests: replay.requests.length, failed })}\n`);
