import type { Capability, DeclaredCapabilities } from '../contract/capability.ts';
import type { CallOptions, ClientConfig, HealthInfo, ProtocolClient, ProtocolId } from '../contract/protocol-client.ts';
import type { ModelSpec, Quirk } from '../contract/provider.ts';
import type { McpSource } from '../mcp/mcp-source.ts';
import type { AssertionKind } from '../verdicts/verdict.ts';
import type { CellEstimate } from '../cost/cell-cost.ts';

/** What a test body gets: one provider × model × protocol, and a client for it. */
export interface Target {
  providerId: string;
  providerName: string;
  model: ModelSpec;
  protocol: ProtocolId;
  capabilities: DeclaredCapabilities;
  quirks: readonly Quirk[];
  client: ProtocolClient;
  /** How many requests the endpoint serves at once (the provider's declaration; 1 when it declares none). */
  parallelRequests: number;
  /** Whether requests carry a credential the server checks ("configured"), none is needed, or unknown. */
  auth: 'configured' | 'none' | 'unknown';
  /**
   * The endpoint's health as its provider defines it: the server's own health route when it has one
   * (llama-server /health, Ollama /api/version), then the protocol client's health call. Throws a
   * VerifyError when the endpoint cannot be reached.
   */
  health(options?: CallOptions): Promise<HealthInfo>;
  /** A new client for the same endpoint with some settings changed (e.g. a wrong key). Closed by the harness. */
  clientWith(overrides: Partial<Pick<ClientConfig, 'apiKey' | 'baseUrl'>>): Promise<ProtocolClient>;
}

export interface TestContext {
  target: Target;
  /** Aborted when the test's deadline passes. */
  signal: AbortSignal;
  /** Stores a measurement or observation in the cell's details (ttftMs, tokens, ...). */
  record(key: string, value: unknown): void;
  /** Ends the test as skipped (infrastructure absent), with the reason. */
  skip(reason: string): never;
  /** Ends the test as unsupported (observed at run time), with the reason. */
  unsupported(reason: string): never;
  /** MCP servers the user named with `--mcp` (absent or empty: MCP tests use the project's own). */
  mcpServers?: readonly McpSource[];
}

export interface VerifyTestDefinition {
  id: string;
  description: string;
  /** Declared capabilities this test needs; a model declaring any as false makes the cell unsupported. */
  requires: Capability[];
  tags: string[];
  /** Whether the decisive assertions are about the wire contract or the model's answer. */
  assertion: AssertionKind;
  /**
   * The required capabilities a pass shows working (default: all of `requires`). A test whose pass
   * condition is an absence (tool_choice "none": no call) passes on a server that ignores the
   * capability, so with `--probe` its pass is no evidence that a capability declared absent works.
   */
  passShows?: Capability[];
  /** Appended to the reason of an unsupported cell (e.g. that the adapters' mapping is only unit-tested here). */
  unsupportedNote?: string;
  /** Overrides the run's per-test timeout. */
  timeoutMs?: number;
  /** What the test sends, for cost estimates (defaults: one request, ~200 prompt tokens, up to 128 output tokens). */
  estimate?: Partial<CellEstimate>;
  run(context: TestContext): Promise<void>;
}

export interface SuiteDefinition {
  id: string;
  description: string;
  tests: VerifyTestDefinition[];
}

/** The suites a run can use, and the module a vitest worker loads them from. */
export interface SuiteCatalog {
  suites: readonly SuiteDefinition[];
  /** File path of a module whose `SUITES` export is `suites` (the vitest entry imports it). */
  modulePath: string;
}

export function defineSuite(suite: SuiteDefinition): SuiteDefinition {
  const seen = new Set<string>();
  for (const test of suite.tests) {
    if (seen.has(test.id)) throw new Error(`suite ${suite.id}: duplicate test id ${test.id}`);
    seen.add(test.id);
  }
  return suite;
}
