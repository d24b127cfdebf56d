import { existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '../matrix/usage-error.ts';

/** What a run folder keeps about how it was started, so `--resume` can plan the same cells again. */
export interface RunManifest {
  runId: string;
  startedAt: string;
  /** The command line, with URL credentials and query values removed. */
  argv: string[];
}

const manifestPath = (runDir: string) => join(runDir, 'run.json');

/** Removes userinfo and query values from URL-looking arguments (`--base-url http://u:p@h/v1?key=…`). */
export function redactArgv(argv: readonly string[]): string[] {
  return argv.map((arg) =>
    arg.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s]+/gi, (text) => {
      try {
        const url = new URL(text);
        if (!url.username && !url.password && url.search === '') return text;
        if (url.username || url.password) {
          url.username = 'REDACTED';
          url.password = '';
        }
        for (const key of [...url.searchParams.keys()]) url.searchParams.set(key, 'REDACTED');
        return url.toString();
      } catch {
        return text;
      }
    }),
  );
}

export function writeRunManifest(runDir: string, manifest: RunManifest): void {
  writeFileSync(manifestPath(runDir), `${JSON.stringify({ ...manifest, argv: redactArgv(manifest.argv) }, null, 2)}\n`);
}

/** The folder of `run` (a run id, or "latest") under reportDir; a usage error naming the runs there when it is not one. */
export function resolveRunDir(reportDir: string, run: string): string {
  const candidate = resolve(reportDir, run);
  if (!existsSync(join(candidate, 'results.jsonl'))) {
    const runs = existsSync(reportDir) ? readdirSync(reportDir).filter((name) => name !== 'latest' && existsSync(join(reportDir, name, 'results.jsonl'))) : [];
    throw new UsageError(`--resume ${run}: no run with a journal in ${reportDir}/${run}; runs there: ${runs.length > 0 ? runs.slice(-5).join(', ') : 'none'} (or "latest")`);
  }
  return realpathSync(candidate);
}

export function readRunManifest(runDir: string): RunManifest {
  const path = manifestPath(runDir);
  if (!existsSync(path)) throw new UsageError(`--resume: ${path} is missing (the run was started by an older version); start a new run instead`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as RunManifest;
  return { ...manifest, runId: manifest.runId || basename(runDir) };
}

/** Splits argv into [flag name, its tokens] groups; tokens before the first flag are positionals (the command). */
function flagGroups(argv: readonly string[]): { positionals: string[]; flags: Array<[string, string[]]> } {
  const positionals: string[] = [];
  const flags: Array<[string, string[]]> = [];
  for (const token of argv) {
    if (token.startsWith('--')) {
      const name = token.slice(2).split('=')[0]?.replace(/^no-/, '') ?? '';
      flags.push([name, [token]]);
    } else if (flags.length > 0) {
      flags[flags.length - 1]?.[1].push(token);
    } else {
      positionals.push(token);
    }
  }
  return { positionals, flags };
}

/**
 * The argv of a resumed run: the stored run's flags, with every flag given again now replacing the
 * stored one of the same name (e.g. a --base-url with credentials, which the manifest does not keep).
 */
export function mergeResumeArgv(current: readonly string[], stored: readonly string[]): string[] {
  const now = flagGroups(current);
  const before = flagGroups(stored);
  const given = new Set(now.flags.map(([name]) => name));
  const kept = before.flags.filter(([name]) => !given.has(name) && name !== 'resume');
  return [...(before.positionals.length > 0 ? before.positionals : now.positionals), ...kept.flatMap(([, tokens]) => tokens), ...now.flags.flatMap(([, tokens]) => tokens)];
}

/** `--resume X` (or `--resume=X`) in argv, or undefined. */
export function resumeFlag(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index] ?? '';
    if (token === '--resume') return argv[index + 1];
    if (token.startsWith('--resume=')) return token.slice('--resume='.length);
  }
  return undefined;
}

/** `--report-dir X` in argv, else the default. */
export function reportDirFlag(argv: readonly string[], fallback = 'reports'): string {
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index] ?? '';
    if (token === '--report-dir') return argv[index + 1] ?? fallback;
    if (token.startsWith('--report-dir=')) return token.slice('--report-dir='.length);
  }
  return fallback;
}

/** The argv to parse: unchanged without --resume; with it, the stored run's argv merged with this one. */
export function argvForResume(argv: readonly string[]): string[] {
  const run = resumeFlag(argv);
  if (run === undefined) return [...argv];
  const runDir = resolveRunDir(reportDirFlag(argv), run);
  const merged = mergeResumeArgv(argv.filter((token, index) => !(token === '--resume' || token.startsWith('--resume=') || argv[index - 1] === '--resume')), readRunManifest(runDir).argv);
  return [...merged, '--resume', basename(runDir)];
}
