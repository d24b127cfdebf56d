/** Edits .env text in place: sets some variables, keeps every other line (comments, order, line endings) as it was. */

const ASSIGNMENT = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.-]*)(\s*=)(.*)$/;
const RAW_SAFE = /^[A-Za-z0-9_.\-:/@+%,~=]*$/;

/**
 * Quotes a value so dotenv reads it back unchanged: bare when safe, else single quotes (no
 * expansion), double quotes (only \n is expanded), or backticks.
 */
export function quoteEnvValue(value: string): string {
  if (RAW_SAFE.test(value)) return value;
  if (!value.includes("'") && !value.includes('\n')) return `'${value}'`;
  if (!value.includes('"') && !value.includes('\\n')) return `"${value.replace(/\n/g, '\\n')}"`;
  if (!value.includes('`') && !value.includes('\n')) return `\`${value}\``;
  throw new Error('this value cannot be written to .env so that dotenv reads it back unchanged (it mixes all quote kinds or newlines)');
}

/** The trailing " # comment" of an unquoted value, kept when the value is replaced. */
function trailingComment(rest: string): string {
  const trimmed = rest.trimStart();
  if (trimmed.startsWith('"') || trimmed.startsWith("'") || trimmed.startsWith('`')) return '';
  return rest.match(/\s+#.*$/)?.[0] ?? (trimmed.startsWith('#') ? ` ${trimmed}` : '');
}

export interface EnvUpdate {
  text: string;
  /** Variables whose existing line(s) were rewritten. */
  updated: string[];
  /** Variables appended at the end. */
  added: string[];
  /** Lines kept as they were. */
  kept: number;
}

/** Sets `values` in the .env text: rewrites existing assignments (every occurrence), appends the rest. */
export function updateEnvText(text: string, values: Readonly<Record<string, string>>, header = '# added by llm-verify init'): EnvUpdate {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text === '' ? [] : text.split(/\r?\n/);
  if (lines.length > 0 && lines.at(-1) === '') lines.pop();
  const updated = new Set<string>();
  let kept = 0;
  const out = lines.map((line) => {
    const match = ASSIGNMENT.exec(line);
    const name = match?.[2];
    if (!match || name === undefined || !(name in values)) {
      kept += 1;
      return line;
    }
    updated.add(name);
    return `${match[1]}${name}${match[3]}${quoteEnvValue(values[name] ?? '')}${trailingComment(match[4] ?? '')}`;
  });
  const added = Object.keys(values).filter((name) => !updated.has(name));
  if (added.length > 0) {
    if (out.length > 0 && out.at(-1)?.trim() !== '') out.push('');
    out.push(header, ...added.map((name) => `${name}=${quoteEnvValue(values[name] ?? '')}`));
  }
  return { text: out.join(eol) + eol, updated: [...updated], added, kept };
}
