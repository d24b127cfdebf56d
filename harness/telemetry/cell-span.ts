import { context, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';
import type { CellResult } from '../verdicts/verdict.ts';
import type { Telemetry } from './tracer.ts';

export interface CellIdentity {
  id: string;
  suite: string;
  test: string;
  provider: string;
  model: string;
  protocol: string;
}

/**
 * Runs one cell inside its span (child of the run span): every request the cell makes is traced
 * under it. The verdict and layer are set on the span when the cell ends; a failing verdict marks
 * it as an error. Without a tracer, just runs the cell.
 */
export async function withCellSpan(telemetry: Telemetry, parent: Context, cell: CellIdentity, run: () => Promise<CellResult>): Promise<CellResult> {
  const { tracer } = telemetry;
  if (!tracer) return run();
  const span = tracer.startSpan(
    `${cell.suite}.${cell.test}`,
    {
      kind: SpanKind.INTERNAL,
      attributes: {
        'llm_verify.cell.id': cell.id,
        'llm_verify.suite': cell.suite,
        'llm_verify.test': cell.test,
        'llm_verify.provider': cell.provider,
        'llm_verify.protocol': cell.protocol,
        'gen_ai.request.model': cell.model,
      },
    },
    parent,
  );
  try {
    const result = await context.with(trace.setSpan(parent, span), run);
    span.setAttribute('llm_verify.verdict', result.verdict);
    if (result.layer) span.setAttribute('llm_verify.layer', result.layer);
    const termination = result.details?.termination;
    if (typeof termination === 'string') span.setAttribute('llm_verify.agent.termination', termination);
    if (result.verdict === 'fail' || result.verdict === 'error') span.setStatus({ code: SpanStatusCode.ERROR, message: (result.message ?? result.verdict).slice(0, 500) });
    return result;
  } finally {
    span.end();
  }
}
