import { UsageError } from '../matrix/usage-error.ts';

/** What the run's telemetry does; travels from the CLI to the vitest worker as plain data. */
export interface TelemetrySettings {
  /** OTLP/HTTP traces endpoint (…/v1/traces); absent: nothing is traced or exported. */
  otlpTracesUrl?: string;
  /** Record message content (gen_ai.input.messages, gen_ai.output.messages, …): only with --otel-content. */
  content: boolean;
  /** W3C traceparent of the run span, so cell spans in the worker join the run's trace. */
  traceparent?: string;
}

/**
 * `--otlp <url>` or the standard OTEL_EXPORTER_OTLP_TRACES_ENDPOINT / OTEL_EXPORTER_OTLP_ENDPOINT.
 * A base URL (no path, as OTEL_EXPORTER_OTLP_ENDPOINT is by definition) gets /v1/traces; a URL
 * with a path is used as given (the traces endpoint itself).
 */
export function telemetryFromArgs(args: { otlp?: string; otelContent?: boolean }, env: NodeJS.ProcessEnv): TelemetrySettings {
  const content = args.otelContent === true;
  const flag = args.otlp?.trim();
  const tracesEnv = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const baseEnv = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const source = flag ? '--otlp' : tracesEnv ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' : baseEnv ? 'OTEL_EXPORTER_OTLP_ENDPOINT' : undefined;
  const value = flag || tracesEnv || baseEnv;
  if (!value || !source) return { content };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${source}: ${JSON.stringify(value)} is not a URL; give the OTLP/HTTP receiver, e.g. --otlp http://127.0.0.1:4318`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${source}: traces are exported over OTLP/HTTP, so the URL must be http(s) (got ${url.protocol}), e.g. http://127.0.0.1:4318`);
  }
  const isBase = source === 'OTEL_EXPORTER_OTLP_ENDPOINT' || url.pathname === '/' || url.pathname === '';
  if (isBase) url.pathname = `${url.pathname.replace(/\/$/, '')}/v1/traces`;
  return { otlpTracesUrl: url.toString(), content };
}
