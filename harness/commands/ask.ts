import type { ChatRequest } from '../contract/chat.ts';
import type { Message } from '../contract/messages.ts';
import type { ProtocolId } from '../contract/protocol-client.ts';
import type { ProviderDefinition } from '../contract/provider.ts';
import { loadEnvironment } from '../config/env.ts';
import { checkNames, splitList } from '../matrix/filters.ts';
import { UsageError } from '../matrix/usage-error.ts';
import { isProtocolId } from '../protocols/registry.ts';
import { applyQuirks } from '../suite/request.ts';
import { readPrompt } from './ask-prompt.ts';
import { renderJson, renderPlain, renderSideBySide, renderSingle, singleHeader, type AskFormat } from './ask-render.ts';
import { askOne, type AskResult } from './ask-run.ts';
import { planAskTargets, targetLabel, type AskTarget } from './ask-targets.ts';
import { formatAdvice } from './error-advice.ts';
import { prepareEndpoints, providersNamed, type EverydayEndpoints } from './everyday-endpoints.ts';

export interface AskArgs {
  prompt?: string;
  provider?: string[];
  model?: string[];
  protocol?: string[];
  local?: string[];
  baseUrl?: string;
  system?: string;
  temperature?: number;
  maxTokens?: number;
  seed?: number;
  stream: boolean;
  format: AskFormat;
  timeout: number;
}

export const EXIT_ABORTED = 130;

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * The first Ctrl-C aborts every answer in flight (the command then exits 130); a second one, a
 * moment later, quits at once. The listener stays for the life of the process: a launched
 * server's clean-up re-raises SIGINT, which must not kill us before the output is written.
 */
function abortOnCtrlC(): AbortController {
  const controller = new AbortController();
  let firstAt = 0;
  process.on('SIGINT', () => {
    if (!controller.signal.aborted) {
      firstAt = Date.now();
      controller.abort();
    } else if (Date.now() - firstAt > 1000) {
      process.exit(EXIT_ABORTED);
    }
  });
  return controller;
}

function buildRequest(args: AskArgs, prompt: string): Omit<ChatRequest, 'model'> {
  const messages: Message[] = [];
  if (args.system) messages.push({ role: 'system', content: args.system });
  messages.push({ role: 'user', content: prompt });
  const request: Omit<ChatRequest, 'model'> = { messages };
  if (args.temperature !== undefined) request.temperature = args.temperature;
  if (args.maxTokens !== undefined) request.maxTokens = args.maxTokens;
  if (args.seed !== undefined) request.seed = args.seed;
  return request;
}

/**
 * `ask`: sends one prompt to one or more provider × model × protocol targets in parallel through
 * the protocol adapters the suites use, and prints the answers (streamed live for one target).
 * Exit 0 all answered, 1 any failed, 2 usage error, 130 Ctrl-C.
 */
export async function runAsk(args: AskArgs, known: readonly ProviderDefinition[]): Promise<number> {
  const env = loadEnvironment();
  const local = splitList(args.local);
  const providers = providersNamed(known, args.provider && args.provider.length > 0 ? args.provider : local.length > 0 ? local : ['embedded']);
  const protocols = splitList(args.protocol);
  checkNames('protocol', protocols, [...new Set(providers.flatMap((provider) => provider.protocols.map((entry) => entry.protocol)))]);
  if (args.maxTokens !== undefined && (!Number.isInteger(args.maxTokens) || args.maxTokens < 1)) throw new UsageError(`--max-tokens must be a positive integer (got ${args.maxTokens})`);
  if (args.temperature !== undefined && (Number.isNaN(args.temperature) || args.temperature < 0)) throw new UsageError(`--temperature must be a number ≥ 0 (got ${args.temperature})`);
  const prompt = await readPrompt(args.prompt, process.stdin);

  const controller = abortOnCtrlC();
  let endpoints: EverydayEndpoints | undefined;
  try {
    endpoints = await prepareEndpoints({ known, providers, local, baseUrl: args.baseUrl, env, log, embeddedModel: 'resolve' });
    const targets = await planAskTargets({ providers, endpointOf: endpoints.endpointOf, models: splitList(args.model), protocols: protocols.filter(isProtocolId), credentialOf: endpoints.credentialOf });
    for (const provider of providers) {
      if (!targets.some((target) => target.provider.id === provider.id)) log(`note: ${provider.id} speaks none of --protocol ${protocols.join(',')}; left out`);
    }
    const base = buildRequest(args, prompt);
    const live = args.stream && targets.length === 1 && (args.format === 'pretty' || args.format === 'plain') && !targets[0]?.blocked;
    if (live && args.format === 'pretty' && targets[0]) process.stdout.write(`${singleHeader(targetLabel(targets[0]))}\n`);
    const results: AskResult[] = await Promise.all(
      targets.map((target) =>
        askOne(target, requestFor(target, base), {
          stream: args.stream,
          timeoutMs: args.timeout,
          signal: controller.signal,
          credential: endpoints?.credentialOf(target.provider, target.endpoint),
          onText: live ? (text) => process.stdout.write(text) : undefined,
        }),
      ),
    );
    if (live) process.stdout.write('\n');
    print(results, args.format, live);
    if (controller.signal.aborted) {
      log('llm-verify: aborted (Ctrl-C)');
      return EXIT_ABORTED;
    }
    return results.every((result) => result.ok) ? 0 : 1;
  } finally {
    await endpoints?.stop();
  }
}

/** The request for one target, with the provider's quirks applied as the suites' request builder does; says what a quirk left out. */
function requestFor(target: AskTarget, base: Omit<ChatRequest, 'model'>): ChatRequest {
  const request = applyQuirks({ ...base, model: target.model }, target.quirks);
  for (const field of ['temperature', 'topP', 'seed', 'stop'] as const) {
    if (base[field] !== undefined && request[field] === undefined) {
      const quirk = target.quirks.find((entry) => entry.request?.omit?.includes(field));
      log(`note: ${targetLabel(target)}: ${field} left out (${quirk?.name ?? 'quirk'}: ${quirk?.reason ?? 'the model rejects it'})`);
    }
  }
  return request;
}

function print(results: readonly AskResult[], format: AskFormat, answerAlreadyPrinted: boolean): void {
  const out = (text: string) => process.stdout.write(text);
  if (format === 'json' || format === 'json-pretty') {
    out(renderJson(results, format === 'json-pretty'));
    return;
  }
  if (format === 'plain') {
    if (!answerAlreadyPrinted) out(renderPlain(results));
    for (const result of results) if (result.error) log(`${result.target}: ${formatAdvice(result.error)}`);
    return;
  }
  if (results.length === 1 && results[0]) out(renderSingle(results[0], { answerAlreadyPrinted }));
  else out(renderSideBySide(results, process.stdout.columns ?? 120));
}
