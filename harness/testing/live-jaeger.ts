import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { freeLoopbackPort } from '../endpoints/free-port.ts';

/** A Jaeger (v2) all-in-one on loopback: OTLP/HTTP in, in-memory storage, the query API out. */
export interface RunningJaeger {
  /** OTLP/HTTP receiver root (give it to --otlp; the exporter posts to /v1/traces). */
  otlpUrl: string;
  /** Query API root (GET /api/traces?service=…). */
  queryUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** Jaeger's JSON query API (/api/traces): the fields the tests read. */
export interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references?: Array<{ refType: string; traceID: string; spanID: string }>;
  tags: Array<{ key: string; type: string; value: unknown }>;
}
export interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
}

/** Only the pieces the test needs, every port a free loopback one (no fixed port, runs side by side). */
function config(ports: { otlp: number; query: number; queryGrpc: number; health: number }): string {
  return `service:
  extensions: [jaeger_storage, jaeger_query, healthcheckv2]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    metrics:
      level: none
    logs:
      level: info
extensions:
  healthcheckv2:
    use_v2: true
    http:
      endpoint: 127.0.0.1:${ports.health}
  jaeger_query:
    storage:
      traces: mem
    http:
      endpoint: 127.0.0.1:${ports.query}
    grpc:
      endpoint: 127.0.0.1:${ports.queryGrpc}
  jaeger_storage:
    backends:
      mem:
        memory:
          max_traces: 10000
receivers:
  otlp:
    protocols:
      http:
        endpoint: 127.0.0.1:${ports.otlp}
processors:
  batch:
    timeout: 200ms
exporters:
  jaeger_storage_exporter:
    trace_storage: mem
`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the binary scripts/setup/jaeger.sh built, waits until its query API answers. */
export async function startJaeger(binary: string, logFile: string, deadlineMs = 60_000): Promise<RunningJaeger> {
  const dir = await mkdtemp(join(tmpdir(), 'llm-verify-jaeger-'));
  const ports = { otlp: await freeLoopbackPort(), query: await freeLoopbackPort(), queryGrpc: await freeLoopbackPort(), health: await freeLoopbackPort() };
  const file = join(dir, 'config.yaml');
  await writeFile(file, config(ports));
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = execa(binary, ['--config', `file:${file}`], { reject: false, stdin: 'ignore', stdout: 'pipe', stderr: 'pipe' });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let exited: string | undefined;
  void child.then((result) => (exited = `exit ${result.exitCode ?? result.signal}`));
  const stop = async () => {
    if (exited === undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await child;
      clearTimeout(timer);
    }
    log.end();
    await rm(dir, { recursive: true, force: true });
  };
  const queryUrl = `http://127.0.0.1:${ports.query}`;
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (exited !== undefined) break;
    try {
      const response = await fetch(`${queryUrl}/api/services`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return { otlpUrl: `http://127.0.0.1:${ports.otlp}`, queryUrl, pid: child.pid ?? -1, stop };
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`jaeger did not answer GET ${queryUrl}/api/services (${exited ?? 'still starting'}); see ${logFile}`);
}

/** The traces of a service, read back through Jaeger's own query API. */
export async function queryTraces(queryUrl: string, service: string): Promise<JaegerTrace[]> {
  const response = await fetch(`${queryUrl}/api/traces?service=${encodeURIComponent(service)}&limit=100&lookback=1h`);
  if (!response.ok) throw new Error(`GET /api/traces answered HTTP ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { data: JaegerTrace[] | null }).data ?? [];
}

/** A span's tag value by key. */
export const tagOf = (span: JaegerSpan, key: string): unknown => span.tags.find((tag) => tag.key === key)?.value;
