/**
 * The checks a test body asserts with. Each names the layer that failed when it does not hold,
 * by the ONE layer rule below (also in README "Verdicts and layers"); every adapter, kit helper
 * and suite follows it.
 *
 * The layer rule:
 * - transport — no bytes, a reset or refused connection, a timeout, a stream that broke off
 *   (a reset mid-stream); the caller's own abort is `aborted`.
 * - infra — the server failed to serve or ran out of capacity: HTTP 5xx (verdict fail), 429 still
 *   there after retries (verdict error), an error the server reports mid-stream, a health route
 *   saying it is unhealthy (infraCheck).
 * - protocol — the protocol's own contract is broken: the status (4xx for a valid request, 2xx
 *   for an invalid one), the body's schema, a missing field the protocol defines (ids, usage,
 *   finish reason), event order, how a stream ends (its terminal signal), ids and their pairing,
 *   usage sums, finish reasons, a tool call that tool_choice demands, markup leaking into text.
 * - parser — our normalizer cannot read the server's bytes: a malformed JSON body or stream
 *   event, tool arguments that are not JSON or do not fit the tool's schema.
 * - model — a well-formed answer that is wrong (wrong tool, wrong value, ignores the prompt),
 *   and an empty text after a clean finish (stop or length).
 * - harness — our own code threw or one of its checks failed (request building, mapping, the
 *   tool loop, a check's own bug): verdict `error`, with the stack in the cell's details, never
 *   `fail`.
 * A request the protocol cannot carry (a field with no wire parameter, tool_choice none on
 * Converse) is not a failure: the test is `unsupported` (the protocol's limits gate it first).
 * Adapters report what the wire said: a value the protocol defines but the server left out stays
 * absent (and the checks report it); only a value the protocol has no concept of is synthesized,
 * and marked so (`idSource: 'synthesized'`): checks adjust only for those.
 */
export { harnessCheck, infraCheck, modelCheck, parserCheck, protocolCheck } from '../verdicts/check-failure.ts';
