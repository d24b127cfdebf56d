import { retryNote, type CellResult } from '../verdicts/verdict.ts';
import { formatCellLine } from './console.ts';

type Write = (line: string) => void;

export interface ProgressOptions {
  total: number;
  /** Where lines go (stderr). */
  write: Write;
  /** Print a line for every cell (--verbose); otherwise only failing, erroring and retried cells. */
  verbose: boolean;
  /** A terminal: the status line is redrawn in place. Else a status line every 10% of the cells. */
  live?: { columns: number; redraw: (text: string) => void; clear: () => void };
  now?: () => number;
}

export interface Progress {
  onCell(result: CellResult): void;
  /** The final status line (clears the live one). */
  finish(): void;
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/**
 * The console while cells run: one status line "[ 12/40] 10 pass · 1 fail · 1 error · 42s · ETA 1m10s"
 * (redrawn in place on a terminal), and one line per cell only for cells that failed, errored or
 * needed retries, and flaky cells (every cell with --verbose). Cells finish out of order when targets run in parallel.
 */
export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const counts = { pass: 0, fail: 0, error: 0, other: 0 };
  let done = 0;
  let lastStep = 0;
  const width = String(options.total).length;

  const status = (): string => {
    const elapsed = now() - started;
    const eta = done > 0 && done < options.total ? ` · ETA ${duration((elapsed / done) * (options.total - done))}` : '';
    const other = counts.other > 0 ? ` · ${counts.other} other` : '';
    return `[${String(done).padStart(width)}/${options.total}] ${counts.pass} pass · ${counts.fail} fail · ${counts.error} error${other} · ${duration(elapsed)}${eta}`;
  };

  return {
    onCell(result) {
      done += 1;
      if (result.verdict === 'pass' || result.verdict === 'fail' || result.verdict === 'error') counts[result.verdict] += 1;
      else counts.other += 1;
      const noteworthy = result.verdict === 'fail' || result.verdict === 'error' || result.verdict === 'flaky' || (result.retries?.length ?? 0) > 0;
      if (options.live) options.live.clear();
      if (options.verbose || noteworthy) {
        const note = retryNote(result);
        const repeat = result.repeat ? ` (${result.repeat.passes}/${result.repeat.runs} runs passed)` : '';
        options.write(`${formatCellLine(result, done, options.total, repeat)}${note ? ` (${note})` : ''}`);
      }
      if (options.live) {
        options.live.redraw(status().slice(0, Math.max(20, options.live.columns - 1)));
        return;
      }
      const step = Math.floor((done * 10) / Math.max(1, options.total));
      if (step > lastStep && done < options.total) {
        lastStep = step;
        options.write(status());
      }
    },
    finish() {
      if (options.live) options.live.clear();
      if (options.total > 0) options.write(status());
    },
  };
}

/** A live status line on a TTY stream (stderr), or undefined when it is not a terminal. */
export function liveLine(stream: NodeJS.WriteStream): ProgressOptions['live'] {
  if (!stream.isTTY) return undefined;
  return {
    columns: stream.columns ?? 100,
    redraw: (text) => stream.write(`\r\u001b[2K${text}`),
    clear: () => stream.write('\r\u001b[2K'),
  };
}
