import { text } from 'node:stream/consumers';
import { UsageError } from '../matrix/usage-error.ts';

/** The prompt: the positional argument, else all of stdin when it is not a terminal. */
export async function readPrompt(argument: string | undefined, stdin: NodeJS.ReadStream): Promise<string> {
  if (argument !== undefined && argument.trim() !== '') return argument;
  if (stdin.isTTY) throw new UsageError('no prompt: pass it as an argument (llm-verify ask "Hello") or on stdin (echo Hello | llm-verify ask)');
  const piped = (await text(stdin)).trim();
  if (piped === '') throw new UsageError('no prompt: stdin was empty; pass it as an argument (llm-verify ask "Hello")');
  return piped;
}
