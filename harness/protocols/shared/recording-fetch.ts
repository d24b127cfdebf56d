import type { Transcript } from '../../contract/transcript.ts';
import { redactHeaders, redactUrl } from './redact.ts';

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body === undefined || body === null ? undefined : '[binary body]';
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

const isEventStream = (contentType: string | null): boolean =>
  contentType !== null && (contentType.includes('text/event-stream') || contentType.includes('ndjson'));

/**
 * A fetch for SDKs that accept one (openai, @anthropic-ai/sdk, ollama): records each request and
 * response in the transcript with credentials removed. Streamed bodies are not read here (the
 * adapter records the SDK's parsed events instead); JSON bodies are read from a clone.
 */
export function createRecordingFetch(transcript: Transcript, inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    transcript.record({
      kind: 'request',
      at: performance.now(),
      method: request.method,
      url: redactUrl(request.url),
      headers: redactHeaders(request.headers),
      body: parseBody(typeof init?.body === 'string' ? init.body : undefined),
    });
    const response = await inner(input, init);
    const contentType = response.headers.get('content-type');
    let body: unknown;
    if (!isEventStream(contentType)) {
      body = parseBody(await response.clone().text().catch(() => undefined));
    }
    transcript.record({
      kind: 'response',
      at: performance.now(),
      status: response.status,
      url: redactUrl(request.url),
      headers: redactHeaders(response.headers),
      body,
    });
    return response;
  };
}
