import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { newRewriteState, rewriteChunk, rewriteCompletion, rewriteRequest, type FaultKind } from './faults.ts';

/**
 * Test support: a loopback HTTP proxy in front of a real server (llama-server) that breaks the
 * wire contract one way at a time, so the harness's verdicts can be checked against endpoints
 * that misbehave. Listens on 127.0.0.1 only; the upstream must be a loopback URL too.
 */
export interface FaultProxy {
  /** Server root to point the harness at, e.g. http://127.0.0.1:40123 */
  url: string;
  fault: FaultKind;
  /** How many requests reached the proxy (any path). */
  requests: number;
  stop(): Promise<void>;
}

const EVENTS_BEFORE_CUT = 3;
const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'accept-encoding', 'transfer-encoding', 'keep-alive']);

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (chunk: Buffer) => parts.push(chunk));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function forwardHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  for (const [name, value] of Object.entries(req.headers)) {
    if (!HOP_HEADERS.has(name) && typeof value === 'string') headers[name] = value;
  }
  return headers;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Faults that answer without asking the server. Returns true when it answered (or chose never to). */
function answerWithoutUpstream(fault: FaultKind, req: IncomingMessage, res: ServerResponse, state: { posts: number }): boolean {
  const path = (req.url ?? '').split('?')[0] ?? '';
  if (fault === 'listing-401' && req.method === 'GET' && path.endsWith('/models')) {
    sendJson(res, 401, { error: { message: 'Invalid API key (fault proxy)', type: 'authentication_error', code: 401 } });
    return true;
  }
  if (fault === 'health-500' && req.method === 'GET' && path === '/health') {
    sendJson(res, 500, { error: { message: 'model failed to load (fault proxy)', code: 500 } });
    return true;
  }
  if (req.method !== 'POST') return false;
  state.posts += 1;
  if (fault === 'hang') return true;
  if (fault === 'chat-500') {
    sendJson(res, 500, { error: { message: 'internal error (fault proxy)', type: 'server_error', code: 500 } });
    return true;
  }
  if (fault === 'rate-limit-always' || (fault === 'rate-limit-once' && state.posts === 1)) {
    sendJson(res, 429, { error: { message: 'rate limited (fault proxy)', type: 'rate_limit_error', code: 429 } }, { 'retry-after': '0' });
    return true;
  }
  return false;
}

async function relayStream(upstream: Response, res: ServerResponse, fault: FaultKind): Promise<void> {
  res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/event-stream', 'cache-control': 'no-cache' });
  const reader = upstream.body?.getReader();
  if (!reader) return void res.end();
  const decoder = new TextDecoder();
  const state = newRewriteState();
  let buffered = '';
  let events = 0;
  const write = (block: string) => {
    res.write(`${block}\n\n`);
    if (fault === 'duplicated-chunks' && block.startsWith('data: {')) res.write(`${block}\n\n`);
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let cut = buffered.indexOf('\n\n');
    while (cut >= 0) {
      const block = buffered.slice(0, cut);
      buffered = buffered.slice(cut + 2);
      cut = buffered.indexOf('\n\n');
      const data = block.startsWith('data: ') ? block.slice(6) : undefined;
      if (data === undefined || data === '[DONE]') {
        write(block);
        continue;
      }
      const chunk = rewriteChunk(JSON.parse(data) as Record<string, unknown>, fault, state);
      if (chunk) write(`data: ${JSON.stringify(chunk)}`);
      events += 1;
      if (events >= EVENTS_BEFORE_CUT && (fault === 'stream-reset' || fault === 'stream-clean-cut' || fault === 'stream-error-event')) {
        await reader.cancel();
        if (fault === 'stream-error-event') res.write(`data: ${JSON.stringify({ error: { message: 'upstream failed mid-answer (fault proxy)', type: 'server_error', code: '500' } })}\n\n`);
        if (fault === 'stream-reset') res.socket?.resetAndDestroy();
        else res.end();
        return;
      }
    }
  }
  if (buffered.trim() !== '') res.write(buffered);
  res.end();
}

async function relay(req: IncomingMessage, res: ServerResponse, upstreamRoot: string, fault: FaultKind): Promise<void> {
  const raw = await readBody(req);
  let body: Buffer | string | undefined = raw.length > 0 ? raw : undefined;
  let streaming = false;
  const isChat = req.method === 'POST' && (req.url ?? '').startsWith('/v1/chat/completions');
  if (isChat && body) {
    const parsed = rewriteRequest(JSON.parse(raw.toString('utf8')) as Record<string, unknown>, fault);
    streaming = parsed.stream === true;
    body = JSON.stringify(parsed);
  }
  const upstream = await fetch(`${upstreamRoot}${req.url ?? '/'}`, { method: req.method, headers: forwardHeaders(req), body });
  if (isChat && upstream.ok && streaming) return relayStream(upstream, res, fault);
  if (isChat && upstream.ok) return sendJson(res, upstream.status, rewriteCompletion((await upstream.json()) as Record<string, unknown>, fault));
  const type = upstream.headers.get('content-type');
  res.writeHead(upstream.status, type ? { 'content-type': type } : {});
  res.end(Buffer.from(await upstream.arrayBuffer()));
}

/** Starts the proxy on a free loopback port in front of `upstream` (a loopback server root). */
export async function startFaultProxy(options: { upstream: string; fault: FaultKind; /** Added before every request is handled (a far-away endpoint). */ latencyMs?: number }): Promise<FaultProxy> {
  const upstreamRoot = options.upstream.replace(/\/+$/, '');
  const host = new URL(upstreamRoot).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) throw new Error(`fault proxy: upstream must be on loopback, got ${host}`);
  const state = { posts: 0 };
  const sockets = new Set<Socket>();
  const proxy: FaultProxy = { url: '', fault: options.fault, requests: 0, stop: async () => {} };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (answerWithoutUpstream(proxy.fault, req, res, state)) return;
    // The alternating fault breaks every second POST (counted in answerWithoutUpstream) the empty-content way.
    const fault = proxy.fault === 'empty-content-alternate' ? (state.posts % 2 === 0 && req.method === 'POST' ? 'empty-content' : 'none') : proxy.fault;
    relay(req, res, upstreamRoot, fault).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 502, { error: { message: `fault proxy could not reach upstream: ${String(error)}` } });
      else res.destroy();
    });
  };
  const server = createServer((req, res) => {
    proxy.requests += 1;
    if (options.latencyMs) setTimeout(() => handle(req, res), options.latencyMs);
    else handle(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.stop = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return proxy;
}
