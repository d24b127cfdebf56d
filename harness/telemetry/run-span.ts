import { context, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { Telemetry } from './tracer.ts';

const propagator = new W3CTraceContextPropagator();
const getter = { get: (carrier: Record<string, string>, key: string) => carrier[key], keys: (carrier: Record<string, string>) => Object.keys(carrier) };
const setter = { set: (carrier: Record<string, string>, key: string, value: string) => void (carrier[key] = value) };

/** The run span: the root of a run's trace, in the main process; its traceparent goes to the worker. */
export interface RunSpan {
  traceparent?: string;
  end(outcome: { cells: number; failing: number; exitCode: number }): void;
}

/** Only the run id goes on the span (never argv: a URL in it may carry credentials). */
export function startRunSpan(telemetry: Telemetry, attributes: { runId: string }): RunSpan {
  const { tracer } = telemetry;
  if (!tracer) return { end: () => undefined };
  const span = tracer.startSpan('llm-verify verify', {
    kind: SpanKind.INTERNAL,
    attributes: { 'llm_verify.run.id': attributes.runId },
  });
  const carrier: Record<string, string> = {};
  propagator.inject(trace.setSpan(context.active(), span), carrier, setter);
  return {
    traceparent: carrier.traceparent,
    end(outcome) {
      span.setAttributes({ 'llm_verify.run.cells': outcome.cells, 'llm_verify.run.failing': outcome.failing, 'llm_verify.run.exit_code': outcome.exitCode });
      if (outcome.exitCode !== 0) span.setStatus({ code: SpanStatusCode.ERROR, message: `exit code ${outcome.exitCode}` });
      span.end();
    },
  };
}

/** The run span's context in the worker (from its traceparent), for the cell spans' parent. */
export function runContext(traceparent: string | undefined): Context {
  if (!traceparent) return context.active();
  return propagator.extract(context.active(), { traceparent }, getter);
}

export type { Span };
