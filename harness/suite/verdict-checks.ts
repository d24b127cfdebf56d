/**
 * The checks a test body asserts with: each names the layer that failed when it does not hold
 * (protocol: the wire contract; parser: what the server sent cannot be read; model: the answer;
 * infra: the server reports itself unable to serve).
 */
export { infraCheck, modelCheck, parserCheck, protocolCheck } from '../verdicts/check-failure.ts';
