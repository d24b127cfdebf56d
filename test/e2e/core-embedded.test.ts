import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResults, runCli, runFolder, tempReportDir, validateJunit } from './cli-process.ts';

describe('verify --suite core --provider embedded (node-llama-cpp in-process, real model)', () => {
  const reportDir = tempReportDir();
  let exitCode: number | undefined;
  let output = '';
  let runDir = '';

  beforeAll(async () => {
    const result = await runCli(['verify', '--suite', 'core', '--provider', 'embedded', '--report-dir', reportDir]);
    exitCode = result.exitCode;
    output = result.all ?? '';
    runDir = runFolder(reportDir);
  });

  it('runs every core test in-process and reports it', () => {
    expect([0, 1], output).toContain(exitCode);
    const cells = readResults(runDir).cells;
    expect(cells).toHaveLength(12);
    const verdict = (test: string) => cells.find((cell) => cell.test === test)?.verdict;
    expect(verdict('health_check')).toBe('pass');
    expect(verdict('basic_chat')).toBe('pass');
    expect(verdict('max_tokens')).toBe('pass');
    expect(verdict('invalid_model')).toBe('pass');
    expect(verdict('bad_credentials')).toBe('unsupported');
    expect(readResults(runDir).run.endpointVersions.embedded).toMatch(/llama\.cpp/);
  });

  it('writes valid JUnit and a matrix row for the embedded target', async () => {
    expect(await validateJunit(join(runDir, 'junit.xml'))).toEqual({ valid: true, errors: [] });
    expect(readFileSync(join(runDir, 'matrix.md'), 'utf8')).toContain('| embedded / smollm2-135m-instruct / embedded |');
  });
});
