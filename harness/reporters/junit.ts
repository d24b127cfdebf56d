import junitModule, { type Builder, type TestCase } from 'junit-report-builder';

/** The package is CommonJS with an `exports.default`; Node's ESM import hands over module.exports. */
const junitRoot: Builder =
  'newBuilder' in junitModule ? (junitModule as unknown as Builder) : (junitModule as unknown as { default: Builder }).default;
import { describeRepeat } from '../verdicts/repeat-stats.ts';
import type { CellResult } from '../verdicts/verdict.ts';

export interface JunitTargetInfo {
  /** Declared capabilities per "provider/model", for the suite's properties. */
  capabilities: ReadonlyMap<string, string>;
  /** A flaky cell is a passing case with <flakyFailure> per failed run (default), or a <failure type="flaky">. */
  flakyAs?: 'pass' | 'fail';
}

interface XmlElement {
  name?: string;
  children: XmlElement[];
  att(name: string, value: string): unknown;
  ele(name: string, attributes?: Record<string, string>): XmlElement;
}

/** Adds to the <testcase> element junit-report-builder builds (it has no API for these). */
function onBuild(testCase: TestCase, edit: (element: XmlElement) => void): void {
  const build = testCase.build.bind(testCase);
  testCase.build = (parent) => {
    const element = build(parent);
    edit(element as unknown as XmlElement);
    return element;
  };
}

/** junit-report-builder writes <skipped/> without a reason; the schema allows message and type attributes. */
function skippedWithReason(testCase: TestCase, reason: string, type?: string): void {
  testCase.skipped();
  onBuild(testCase, (element) => {
    const skipped = element.children.find((child) => child.name === 'skipped');
    skipped?.att('message', reason);
    if (type) skipped?.att('type', type);
  });
}

/** Surefire's flaky convention: a passing case with one <flakyFailure>/<flakyError> per failed run. */
function flakyRuns(testCase: TestCase, cell: CellResult): void {
  const failed = (cell.repeat?.attempts ?? []).filter((attempt) => attempt.verdict === 'fail' || attempt.verdict === 'error');
  onBuild(testCase, (element) => {
    for (const attempt of failed) {
      element.ele(attempt.verdict === 'fail' ? 'flakyFailure' : 'flakyError', { type: attempt.layer ?? 'unknown', message: `[${attempt.layer ?? 'unknown'}] ${attempt.message ?? ''}` });
    }
  });
}

/** System-out lines: the repeat statistics and where the cell stands against the baseline. */
function notes(cell: CellResult): string[] {
  const lines: string[] = [];
  if (cell.repeat) lines.push(`${cell.verdict}: ${describeRepeat(cell.repeat)}; pass^k (k=1..${cell.repeat.runs}): ${cell.repeat.passHatK.join(', ')}`);
  if (cell.baseline?.status === 'known') lines.push(`known failure (baseline)${cell.baseline.reason ? `: ${cell.baseline.reason}` : ''}`);
  if (cell.baseline?.status === 'stale') lines.push(`stale baseline entry: the baseline expects a failure, the cell passed${cell.baseline.reason ? ` (${cell.baseline.reason})` : ''}`);
  if (cell.baseline?.status === 'new') {
    const expected = cell.baseline.expected;
    lines.push(expected ? `new failure: the baseline expects ${expected.verdict ?? 'a failure'}${expected.layer ? ` [${expected.layer}]` : ''}` : 'new failure (not in the baseline)');
  }
  return lines;
}

/**
 * JUnit XML: one <testsuite> per provider/model/protocol, one <testcase> per cell with classname
 * suite.provider.model; unsupported and skipped cells as <skipped message="…">; fail as <failure>
 * (type = layer), error as <error>; flaky (--repeat) as a pass with <flakyFailure> per failed run
 * (or <failure type="flaky"> with flakyAs "fail"); a known failure of the baseline as
 * <skipped type="llm-verify.baseline">; repeat statistics and baseline status in <system-out>.
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
      const message = cell.message ?? '';
      const lines = notes(cell);
      if (cell.baseline?.status === 'known') {
        // pytest's xfail convention: an expected failure is a skipped case with its reason.
        skippedWithReason(testCase, `known failure (baseline): ${cell.verdict}${cell.layer ? ` [${cell.layer}]` : ''} ${message}`.trim(), 'llm-verify.baseline');
        testCase.standardOutput(lines.join('\n'));
        continue;
      }
      if (lines.length > 0) testCase.standardOutput(lines.join('\n'));
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
          if (info.flakyAs === 'fail') testCase.failure(`[flaky] ${message}`, 'flaky');
          else flakyRuns(testCase, cell);
          break;
        case 'pass':
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
