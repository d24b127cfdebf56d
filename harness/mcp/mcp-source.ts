import { UsageError } from '../matrix/usage-error.ts';

/** Where an MCP server is: a command the harness starts (stdio) or a Streamable HTTP URL. */
export type McpSource =
  | { kind: 'stdio'; command: string; args: string[]; label: string; cwd?: string }
  | { kind: 'http'; url: string; label: string };

/** Splits a command line on blanks, keeping '…' and "…" quoted parts together (no shell expansion). */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  let pending = false;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      pending = true;
    } else if (/\s/.test(char)) {
      if (pending || current !== '') words.push(current);
      current = '';
      pending = false;
    } else {
      current += char;
    }
  }
  if (quote) throw new UsageError(`--mcp: unbalanced ${quote} in ${JSON.stringify(line)}`);
  if (pending || current !== '') words.push(current);
  return words;
}

/**
 * `--mcp <command|url>`: an http(s) URL is a Streamable HTTP endpoint; anything else is a command
 * line started with stdio transport (e.g. `--mcp "npx -y @modelcontextprotocol/server-everything"`).
 */
export function parseMcpSource(value: string): McpSource {
  const text = value.trim();
  if (text === '') throw new UsageError('--mcp needs a command (stdio server) or an http(s) URL (Streamable HTTP server), e.g. --mcp "node my-server.js" or --mcp http://127.0.0.1:3001/mcp');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new UsageError(`--mcp: ${JSON.stringify(text)} is not a valid URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--mcp: only http(s) URLs are served over Streamable HTTP (got ${url.protocol}); give a command for a stdio server`);
    return { kind: 'http', url: url.toString(), label: `${url.origin}${url.pathname}` };
  }
  const [command, ...args] = splitCommandLine(text);
  if (command === undefined || command === '') throw new UsageError(`--mcp: no command in ${JSON.stringify(text)}`);
  return { kind: 'stdio', command, args, label: [command, ...args].join(' ') };
}
