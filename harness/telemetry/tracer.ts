import { context, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { HARNESS_VERSION } from '../version.ts';
import type { TelemetrySettings } from './settings.ts';

export const TRACER_NAME = 'llm-verify';

/** The run's tracing: a tracer, and how to push what it recorded out. */
export interface Telemetry {
  /** Absent when nothing is exported: callers then skip tracing altogether (no cost). */
  tracer?: Tracer;
  content: boolean;
  /** Exports what is buffered (the run span, the worker's spans) before the process moves on. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

let contextManagerSet = false;

/** Active-span context across awaits (AsyncLocalStorage), installed once per process when tracing. */
function ensureContextManager(): void {
  if (contextManagerSet) return;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  contextManagerSet = true;
}

/**
 * Starts tracing for this process: an OTLP/HTTP exporter to settings.otlpTracesUrl (batched), or
 * the given exporter (unit tests: an InMemorySpanExporter, exported at once). With neither, no
 * tracer: nothing is recorded, nothing is slower. No global tracer provider is registered; the
 * tracer is handed to whoever traces.
 */
export function startTelemetry(settings: TelemetrySettings, options: { exporter?: SpanExporter } = {}): Telemetry {
  const noop: Telemetry = { content: settings.content, flush: async () => undefined, shutdown: async () => undefined };
  if (!options.exporter && !settings.otlpTracesUrl) return noop;
  ensureContextManager();
  const processor = options.exporter
    ? new SimpleSpanProcessor({ exporter: options.exporter })
    : new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: settings.otlpTracesUrl }) });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: 'llm-verify', [ATTR_SERVICE_VERSION]: HARNESS_VERSION }),
    spanProcessors: [processor],
  });
  return {
    tracer: provider.getTracer(TRACER_NAME, HARNESS_VERSION),
    content: settings.content,
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}

/** The tracer's span currently active (e.g. the cell span a request span nests under). */
export const activeSpan = () => trace.getActiveSpan();
