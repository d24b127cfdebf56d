import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Test helper: what a loopback listener saw of one request. */
export interface SeenRequest {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface CannedReply {
  status: number;
  body: string;
  type?: string;
  delayMs?: number;
}

/**
 * Test helper: loopback HTTP listeners that record each request and answer with one canned reply
 * (real SDK, real HTTP). `pathPrefix` is appended to the base URL handed to the client; call
 * `closeAll` after each test.
 */
export function createLoopback(pathPrefix = '') {
  const servers: Server[] = [];
  return {
    async listen(reply: CannedReply): Promise<{ seen: SeenRequest[]; baseUrl: string }> {
      const seen: SeenRequest[] = [];
      const server = createServer((req, res) => {
        let raw = '';
        req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        req.on('end', () => {
          seen.push({ method: req.method, url: req.url, headers: req.headers, body: raw ? JSON.parse(raw) : undefined });
          setTimeout(() => {
            res.writeHead(reply.status, { 'content-type': reply.type ?? 'application/json' });
            res.end(reply.body);
          }, reply.delayMs ?? 0);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
      return { seen, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}${pathPrefix}` };
    },
    async closeAll(): Promise<void> {
      for (const server of servers.splice(0)) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}

/** Test helper: typed events as a server-sent-events body (`event:` line named by the type). */
export function toSse(events: ReadonlyArray<{ type: string }>): string {
  return events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join('');
}
