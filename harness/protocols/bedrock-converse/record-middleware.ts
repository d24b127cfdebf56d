import type { BedrockRuntimeClient, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-bedrock-runtime';
// Types only: @smithy/types is what the AWS SDK's own declarations are written in.
import type { FinalizeRequestMiddleware } from '@smithy/types';
import type { Transcript } from '../../contract/transcript.ts';
import { redactHeaders, redactSecrets, redactUrl } from '../shared/redact.ts';
import { now } from '../shared/time.ts';

type Stack = BedrockRuntimeClient['middlewareStack'];
type Middleware = FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes>;

/** The parts of the SDK's HttpRequest / HttpResponse read here (checked structurally). */
interface WireRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, unknown>;
  body?: unknown;
}
interface WireResponse {
  statusCode: number;
  headers: Record<string, unknown>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isWireRequest = (value: unknown): value is WireRequest =>
  isObject(value) && typeof value.method === 'string' && typeof value.hostname === 'string' && isObject(value.headers);
const isWireResponse = (value: unknown): value is WireResponse =>
  isObject(value) && typeof value.statusCode === 'number' && isObject(value.headers);

function urlOf(request: WireRequest): string {
  const port = request.port ? `:${request.port}` : '';
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, item ?? '');
  }
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return redactUrl(`${request.protocol}//${request.hostname}${port}${request.path}${search}`);
}

/** The SDK serializes JSON bodies to bytes; event-stream or other binary bodies stay unread. */
function bodyOf(body: unknown): unknown {
  if (body === undefined || body === null) return undefined;
  let text: string;
  try {
    if (typeof body === 'string') text = body;
    else if (body instanceof Uint8Array) text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    else return '[binary body]';
  } catch {
    return '[binary body]';
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Header values as strings (HTTP/2 responses carry a numeric `:status`). */
function headersOf(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = String(value);
  return redactHeaders(out);
}

/** The deserialized output without SDK bookkeeping and without the (unread) event stream. */
function outputOf(output: unknown): unknown {
  if (!isObject(output)) return undefined;
  const { $metadata: _metadata, stream, ...rest } = output;
  return stream === undefined ? rest : { ...rest, stream: '[event stream: see stream_event entries]' };
}

/**
 * Records every signed request and its response in the transcript. Added right after the SDK's
 * signing middleware, so the headers recorded are the ones sent (Authorization and
 * x-amz-security-token are redacted); each retry attempt is recorded. The response body is the
 * SDK's deserialized output; error responses record the exception's name and message.
 */
export function addRecordingMiddleware(stack: Stack, transcript: Transcript, secrets: ReadonlyArray<string | undefined> = []): void {
  const middleware: Middleware = (next) => async (args) => {
    const request = args.request;
    const url = isWireRequest(request) ? urlOf(request) : '';
    if (isWireRequest(request)) {
      transcript.record({ kind: 'request', at: now(), method: request.method, url, headers: headersOf(request.headers), body: bodyOf(request.body) });
    }
    try {
      const result = await next(args);
      const response = (result as { response?: unknown }).response;
      if (isWireResponse(response)) {
        transcript.record({ kind: 'response', at: now(), status: response.statusCode, url, headers: headersOf(response.headers), body: outputOf(result.output) });
      }
      return result;
    } catch (error) {
      const shape = isObject(error) ? error : {};
      const raw = shape.$response;
      const metadata = isObject(shape.$metadata) ? shape.$metadata : {};
      const status = isWireResponse(raw) ? raw.statusCode : typeof metadata.httpStatusCode === 'number' ? metadata.httpStatusCode : 0;
      transcript.record({
        kind: 'response',
        at: now(),
        status,
        url,
        headers: isWireResponse(raw) ? headersOf(raw.headers) : {},
        body: { error: typeof shape.name === 'string' ? shape.name : 'Error', message: redactSecrets(typeof shape.message === 'string' ? shape.message : String(error), secrets) },
      });
      throw error;
    }
  };
  stack.addRelativeTo(middleware, { name: 'llmVerifyRecordMiddleware', relation: 'after', toMiddleware: 'httpSigningMiddleware' });
}
