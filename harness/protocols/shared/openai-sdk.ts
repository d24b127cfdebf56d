import OpenAI, { APIError, APIUserAbortError } from 'openai';
import type { ClientConfig } from '../../contract/protocol-client.ts';
import type { Transcript } from '../../contract/transcript.ts';
import { sdkClientOptions, sdkErrorMapper } from './sdk-client.ts';

/** The `openai` SDK client both OpenAI adapters (chat completions, responses) use. */
export function createOpenAISdk(config: ClientConfig, transcript: Transcript): OpenAI {
  return new OpenAI(sdkClientOptions(config, transcript));
}

/** Maps what the `openai` SDK threw to a VerifyError. */
export const toOpenAIVerifyError = sdkErrorMapper({ userAbort: APIUserAbortError, api: APIError });
