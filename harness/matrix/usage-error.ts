import { closestMatch } from './suggest.ts';

/** Bad input from the user (flags, config): the CLI prints it and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function unknownNameError(what: string, name: string, known: readonly string[]): UsageError {
  const suggestion = closestMatch(name, known);
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
  return new UsageError(`unknown ${what} "${name}".${hint} Valid ${what}s: ${known.join(', ') || '(none)'}.`);
}
