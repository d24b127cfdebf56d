import type { BedrockRuntimeClient, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-bedrock-runtime';
// Types only: @smithy/types is what the AWS SDK's own declarations are written in.
import type { FinalizeRequestMiddleware } from '@smithy/types';
import { setTimeout as sleep } from 'node:timers/promises';
import pRetry, { AbortError } from 'p-retry';
import type { RetryPolicy } from '../../contract/retry.ts';
import { currentAttemptLog } from '../shared/attempt-log.ts';
import { backoffDelayMs, isTransientStatus, serverDelayMs, transientNetworkReason } from '../shared/retry-policy.ts';

type Stack = BedrockRuntimeClient['middlewareStack'];
type Middleware = FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Why an AWS SDK exception is worth retrying (HTTP 408/429/5xx, a reset connection), and the wait the server asked for. */
function transient(error: unknown): { reason: string; serverDelayMs?: number } | undefined {
  const shape = isObject(error) ? error : {};
  const metadata = isObject(shape.$metadata) ? shape.$metadata : {};
  const status = typeof metadata.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined;
  if (status !== undefined && isTransientStatus(status)) {
    const raw = isObject(shape.$response) && isObject(shape.$response.headers) ? shape.$response.headers : {};
    const headers = new Headers(Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    return { reason: `HTTP ${status}`, serverDelayMs: serverDelayMs(headers) };
  }
  const reason = transientNetworkReason(error);
  return reason ? { reason } : undefined;
}

/**
 * The harness's retries for Bedrock (the client is built with maxAttempts 1): the same policy as
 * the fetch-based SDKs, placed before signing so each attempt is signed anew, written to the
 * running cell's attempt log.
 */
export function addRetryMiddleware(stack: Stack, policy: RetryPolicy, random: () => number = Math.random): void {
  const middleware: Middleware = (next) => async (args) => {
    const log = currentAttemptLog();
    const started = Date.now();
    let retry = 0;
    let giveUp = false;
    const failures = new Map<number, unknown>();
    return pRetry(
        async (attemptNumber) => {
          try {
            return await next(args);
          } catch (error) {
            if (!transient(error)) throw new AbortError(error instanceof Error ? error : new Error(String(error)));
            failures.set(attemptNumber, error);
            throw error instanceof Error ? error : new Error(String(error));
          }
        },
        {
          retries: policy.maxRetries,
          minTimeout: 0,
          maxRetryTime: policy.maxTotalMs,
          shouldRetry: () => !giveUp,
          async onFailedAttempt({ error, attemptNumber, retriesLeft }) {
            const why = transient(failures.get(attemptNumber) ?? error);
            if (!why || retriesLeft <= 0) return;
            const delayMs = Math.max(why.serverDelayMs ?? 0, backoffDelayMs(retry, policy, random));
            if (Date.now() - started + delayMs > policy.maxTotalMs) {
              giveUp = true;
              return;
            }
            retry += 1;
            log?.retries.push({ attempt: attemptNumber, reason: why.reason, delayMs, request: 'bedrock-converse' });
            await sleep(delayMs);
          },
        },
      );
  };
  stack.addRelativeTo(middleware, { name: 'llmVerifyRetryMiddleware', relation: 'before', toMiddleware: 'httpSigningMiddleware' });
}
