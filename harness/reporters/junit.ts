import junitModule, { type Builder, type TestCase } from 'junit-report-builder';

/** The package is CommonJS with an `exports.default`; Node's ESM import hands over module.exports. */
const junitRoot: Builder =
  'newBuilder' in junitModule ? (junitModule as unknown as Builder) : (junitModule as unknown as { default: Builder }).default;
import { retryNote, type CellResult } from '../verdicts/verdict.ts';

export interface JunitTargetInfo {
  /** Declared capabilities per "provider/model", for the suite's properties. */
  capabilities: ReadonlyMap<string, string>;
}

/** junit-report-builder writes <skipped/> without a reason; the schema allows a message attribute. */
function skippedWithReason(testCase: TestCase, reason: string): void {
  testCase.skipped();
  const build = testCase.build.bind(testCase);
  testCase.build = (parent) => {
    const element = build(parent);
    const children = (element as unknown as { children: Array<{ name?: string; att(name: string, value: string): unknown }> }).children;
    children.find((child) => child.name === 'skipped')?.att('message', reason);
    return element;
  };
}

/**
 * JUnit XML: one <testsuite> per provider/model/protocol, one <testcase> per cell with classname
 * suite.provider.model; unsupported and skipped cells as <skipped message="…">; fail as <failure>
 * (type = layer), error as <error>.
 */
export function buildJunitXml(results: readonly CellResult[], info: JunitTargetInfo, runId: string): string {
  const builder = junitRoot.newBuilder().name(`llm-verify ${runId}`);
  const groups = Map.groupBy(results, (result) => `${result.provider}/${result.model}/${result.protocol}`);
  for (const [key, cells] of groups) {
    const first = cells[0];
    if (!first) continue;
    const suite = builder
      .testSuite()
      .name(key)
      .timestamp(new Date(first.startedAt))
      .time(cells.reduce((sum, cell) => sum + cell.durationMs, 0) / 1000)
      .property('provider', first.provider)
      .property('model', first.model)
      .property('protocol', first.protocol)
      .property('capabilities', info.capabilities.get(`${first.provider}/${first.model}`) ?? 'unknown');
    for (const cell of cells) {
      const testCase = suite
        .testCase()
        .className(`${cell.suite}.${cell.provider}.${cell.model}`)
        .name(`${cell.test} [${cell.protocol}]`)
        .time(cell.durationMs / 1000);
      const retried = retryNote(cell);
      const message = `${cell.message ?? ''}${retried && cell.verdict !== 'pass' ? ` (${retried})` : ''}`;
      switch (cell.verdict) {
        case 'fail':
          testCase.failure(`[${cell.layer ?? 'unknown'}] ${message}`, cell.layer ?? 'unknown');
          break;
        case 'error':
          testCase.error(message, cell.kind ?? 'error');
          break;
        case 'unsupported':
          skippedWithReason(testCase, `unsupported: ${message}`);
          break;
        case 'skipped':
          skippedWithReason(testCase, `skipped: ${message}`);
          break;
        case 'flaky':
          testCase.standardOutput(`flaky: passed ${cell.repeat?.passes ?? '?'} of ${cell.repeat?.runs ?? '?'} runs`);
          break;
        case 'pass':
          if (retried) testCase.standardOutput(retried);
          break;
      }
    }
  }
  return withoutRootSkippedCount(builder.build());
}

/**
 * junit-report-builder writes a `skipped` count on <testsuites>, which the JUnit 10 schema (the one
 * Jenkins' xUnit plugin validates with) does not allow there; the per-suite counts carry it.
 */
function withoutRootSkippedCount(xml: string): string {
  return xml.replace(/<testsuites\b[^>]*>/, (tag) => tag.replace(/\sskipped="\d+"/, ''));
}
