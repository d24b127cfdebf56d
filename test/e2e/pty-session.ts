import { spawn, type IPty } from 'node-pty';
import { CLI, ROOT } from './cli-process.ts';

/** The real CLI in a pseudo-terminal (node-pty): type into it, wait for text, read everything it drew. */
export interface PtySession {
  /** Everything written to the terminal so far (with ANSI escapes). */
  output(): string;
  /** Resolves once the terminal output (escapes removed) contains `text` after the last match. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  type(keys: string): void;
  exited: Promise<number>;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007|\u001b[()][0-9A-B]/g;
export const stripAnsi = (text: string): string => text.replace(ANSI, '');

export function startPtyCli(args: string[], options: { cwd?: string; env: Record<string, string | undefined> }): PtySession {
  const env = Object.fromEntries(Object.entries({ ...process.env, ...options.env }).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const pty: IPty = spawn(process.execPath, [CLI, ...args], { name: 'xterm-256color', cols: 120, rows: 40, cwd: options.cwd ?? ROOT, env });
  let buffer = '';
  let consumed = 0;
  const listeners = new Set<() => void>();
  pty.onData((data) => {
    buffer += data;
    for (const listener of listeners) listener();
  });
  const exited = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  return {
    output: () => buffer,
    waitFor(text, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const plain = stripAnsi(buffer);
          const index = plain.indexOf(text, consumed);
          if (index < 0) return false;
          consumed = index + text.length;
          listeners.delete(onData);
          clearTimeout(timer);
          resolve();
          return true;
        };
        const onData = () => void check();
        const timer = setTimeout(() => {
          listeners.delete(onData);
          reject(new Error(`timed out waiting for ${JSON.stringify(text)}; terminal shows:\n${stripAnsi(buffer).slice(-2000)}`));
        }, timeoutMs);
        listeners.add(onData);
        check();
      });
    },
    type: (keys) => pty.write(keys),
    exited,
  };
}
