import { planTarget } from '../matrix/target-plan.ts';
import { createTarget } from '../runner/create-target.ts';
import type { Target } from '../suite/define.ts';
import llamaCpp from '../../providers/llama_cpp/provider.ts';

/**
 * For the live tests of suites (the runner does this for real runs): the Target of a running
 * llama-server (no API key) on openai-chat, planned from the llama_cpp provider like a cell's.
 */
export async function createLlamaTarget(url: string): Promise<Target> {
  const model = llamaCpp.models[0];
  if (!model) throw new Error('providers/llama_cpp declares no model');
  const plan = planTarget(llamaCpp, model, 'openai-chat', { rootUrl: url.replace(/\/$/, ''), source: 'env', onUnreachable: 'error', gate: { action: 'run' } }, 60_000);
  const handle = await createTarget({ ...plan, auth: 'none', client: { ...plan.client, maxRetries: 0 } });
  return handle.target;
}
