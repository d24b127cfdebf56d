import OpenAI, { APIError, APIUserAbortError } from 'openai';
import type { ClientConfig } from '../../contract/protocol-client.ts';
import type { Transcript } from '../../contract/transcript.ts';
import type { VerifyError } from '../../contract/verify-error.ts';
import { openAIStreamError } from './openai-stream-error.ts';
import { sdkClientOptions, sdkErrorMapper } from './sdk-client.ts';

/** The `openai` SDK client both OpenAI adapters (chat completions, responses) use. */
export function createOpenAISdk(config: ClientConfig, transcript: Transcript): OpenAI {
  return new OpenAI(sdkClientOptions(config, transcript));
}

const fromSdk = sdkErrorMapper({ userAbort: APIUserAbortError, api: APIError });

/**
 * Maps what the `openai` SDK threw to a VerifyError. An error object inside a 200 stream (the SDK
 * throws an APIError without a status) is the server's own report, never our bug.
 */
export function toOpenAIVerifyError(error: unknown, where: string, apiKey: string | undefined): VerifyError {
  if (error instanceof APIError && !(error instanceof APIUserAbortError) && error.status === undefined) {
    const reported = openAIStreamError(error.error, where, [apiKey], error);
    if (reported) return reported;
  }
  return fromSdk(error, where, apiKey);
}
