import { VerifyError } from '../../contract/verify-error.ts';

/**
 * The id a protocol needs to pair a tool call with its result. A call the server sent without
 * one (though its protocol defines ids) cannot be answered: that is the server's protocol
 * failure, reported when the harness tries to send the call or its result back.
 */
export function wireCallId(protocol: string, id: string | undefined, what: string): string {
  if (id !== undefined && id !== '') return id;
  throw new VerifyError({
    kind: 'invalid_request',
    layer: 'protocol',
    message: `${protocol}: ${what} cannot be sent back: the server sent the tool call without an id, which the protocol needs to pair calls with results`,
  });
}
