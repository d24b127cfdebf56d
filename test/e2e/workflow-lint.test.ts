import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureTestSetup } from '../setup-tools.ts';
import { ROOT } from './cli-process.ts';

/** One finding of `actionlint -format '{{json .}}'`. */
interface Finding {
  message: string;
  filepath: string;
  line: number;
  column: number;
  kind: string;
}

const WORKFLOWS = join(ROOT, '.github/workflows');
const workflowFiles = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name)).map((name) => join(WORKFLOWS, name));

let actionlint = '';

async function lint(files: string[]): Promise<{ exitCode: number | undefined; findings: Finding[]; stderr: string }> {
  const result = await execa(actionlint, ['-format', '{{json .}}', ...files], { cwd: ROOT, reject: false });
  const findings = result.stdout.trim() === '' ? [] : (JSON.parse(result.stdout) as Finding[]);
  return { exitCode: result.exitCode, findings, stderr: result.stderr };
}

const describeFinding = (finding: Finding) => `${finding.filepath}:${finding.line}:${finding.column} [${finding.kind}] ${finding.message}`;

describe('GitHub workflows pass actionlint (with shellcheck on every run: script)', () => {
  beforeAll(async () => {
    actionlint = await ensureTestSetup('actionlint.sh');
  });

  it('lints a pinned actionlint built from its Go module', () => {
    expect(execFileSync(actionlint, ['-version'], { encoding: 'utf8' })).toMatch(/^v1\.7\.12\n/);
  });

  it('has the nightly workflow to lint', () => {
    expect(workflowFiles.map((path) => path.slice(WORKFLOWS.length + 1))).toContain('nightly.yml');
  });

  it('finds nothing in .github/workflows/*.yml', async () => {
    const { exitCode, findings, stderr } = await lint(workflowFiles);
    expect(findings.map(describeFinding), stderr).toEqual([]);
    expect(exitCode, stderr).toBe(0);
  });

  it('fails a broken workflow: bad expression, unknown runner, script injection and a shellcheck finding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'llm-verify-actionlint-'));
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    const broken = join(dir, '.github/workflows/broken.yml');
    writeFileSync(
      broken,
      [
        'on: push',
        'jobs:',
        '  verify:',
        '    runs-on: ubuntu-14.04-nonexistent',
        '    steps:',
        '      - run: echo "${{ github.event.head_commit.message }}"',
        '      - run: echo ${{ steps.nothing.outputs.missing }}',
        '      - run: cd $HOME/reports; ls',
        '',
      ].join('\n'),
    );
    const { exitCode, findings } = await lint([broken]);
    expect(exitCode).toBe(1);
    const kinds = new Set(findings.map((finding) => finding.kind));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['expression', 'runner-label', 'shellcheck']));
    expect(findings.some((finding) => /potentially untrusted/.test(finding.message))).toBe(true);
  });
});

describe('.github/scripts/step-summary.sh (the compact matrix in the job summary)', () => {
  const script = join(ROOT, '.github/scripts/step-summary.sh');

  it('appends the run\'s matrix.summary.md under a heading, following reports/latest', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'llm-verify-summary-'));
    mkdirSync(join(reports, 'run-1'));
    writeFileSync(join(reports, 'run-1/matrix.summary.md'), '| target | core |\n| --- | --- |\n| llama_cpp | 10/12 |\n');
    execFileSync('ln', ['-s', 'run-1', join(reports, 'latest')]);
    const summary = join(reports, 'summary.md');
    writeFileSync(summary, 'earlier step\n');
    const result = await execa('bash', [script, reports, 'local substrate, shard 1/2'], { env: { GITHUB_STEP_SUMMARY: summary }, reject: false });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readFileSync(summary, 'utf8')).toBe('earlier step\n## llm-verify: local substrate, shard 1/2\n\n| target | core |\n| --- | --- |\n| llama_cpp | 10/12 |\n\n');
  });

  it('says so when the run wrote no matrix, and refuses to run outside GitHub Actions', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'llm-verify-summary-'));
    const summary = join(empty, 'summary.md');
    await execa('bash', [script, empty, 'cloud provider group openai'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toMatch(/_No compact matrix: the run wrote no `matrix.summary.md`/);
    const outside = await execa('bash', [script, empty, 'x'], { env: { GITHUB_STEP_SUMMARY: '' }, reject: false });
    expect(outside.exitCode).toBe(2);
    expect(outside.stderr).toMatch(/GITHUB_STEP_SUMMARY is not set/);
  });
});
