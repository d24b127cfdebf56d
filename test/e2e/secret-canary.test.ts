import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialEnvNames } from '../../harness/config/secret-values.ts';
import { PROVIDERS } from '../../providers/index.ts';
import { readResults, runCli, tempReportDir } from './cli-process.ts';

/**
 * The secret canary: a distinct key in every provider's credential variable, and a base URL with
 * userinfo and ?api_key=, then every file the runs wrote (reports, journal, transcripts, server
 * logs) and their console output are searched for each secret in every form: as is, URL-encoded,
 * base64 and base64url (and the Basic authorization form of the userinfo). Zero hits.
 *   Run 1: --local llama_cpp, its key from LLAMA_CPP_API_KEY (the server checks it on the wire),
 *          every transcript written.
 *   Run 2: --base-url with userinfo and ?api_key= in front of a server that echoes the
 *          credentials it received in its 401 answers (as real APIs do with a wrong key).
 */
const tag = randomBytes(6).toString('hex');
const CANARIES: Record<string, string> = Object.fromEntries(credentialEnvNames(PROVIDERS).map((name, index) => [name, `canary${index}-${tag}-${name.toLowerCase()}`]));
const USER = `canaryuser${tag}`;
const PASSWORD = `canary+pass/${tag}@x`;
const QUERY_KEY = `canaryquery${tag}`;
const SECRETS = [...Object.values(CANARIES), USER, PASSWORD, QUERY_KEY, `${USER}:${PASSWORD}`];
const forms = (secret: string) => [
  secret,
  encodeURIComponent(secret),
  Buffer.from(secret).toString('base64').replace(/=+$/, ''),
  Buffer.from(secret).toString('base64url'),
];
const GREEDY = { LLAMA_ARG_TEMPERATURE: '0' };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return [];
    return stat.isDirectory() ? filesUnder(path) : [path];
  });
}

function hits(texts: Array<[string, string]>): string[] {
  return texts.flatMap(([where, text]) => SECRETS.flatMap((secret) => forms(secret).filter((form) => text.includes(form)).map((form) => `${where}: ${form}`)));
}

/** Answers the model listing, and every other request with a 401 that echoes what it was sent. */
function echoServer(): Promise<{ server: Server; root: string }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(req.method === 'GET' && (req.url ?? '').startsWith('/v1/models') ? 200 : 401, { 'content-type': 'application/json' });
      if (res.statusCode === 200) return res.end(JSON.stringify({ object: 'list', data: [{ id: 'echo-model', object: 'model' }] }));
      res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${String(req.headers.authorization)} at ${String(req.url)}`, type: 'invalid_request_error' } }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, root: `127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe('secret canary: no credential in any file a run writes or on its console, in any encoding', () => {
  const localDir = tempReportDir();
  const urlDir = tempReportDir();
  let echo: { server: Server; root: string };
  const consoles: Array<[string, string]> = [];
  let urlArg = '';

  beforeAll(async () => {
    echo = await echoServer();
    const local = await runCli(
      ['verify', '--local', 'llama_cpp', '--provider', 'llama_cpp', '--suite', 'core,streaming', '--test', 'health_check,list_models,basic_chat,invalid_model,bad_credentials,basic_streaming', '--protocol', 'openai-chat,anthropic-messages', '--transcripts', 'all', '--report-dir', localDir],
      { ...CANARIES, ...GREEDY },
    );
    consoles.push(['console of the --local run', local.all ?? '']);
    urlArg = `http://${USER}:${encodeURIComponent(PASSWORD)}@${echo.root}/v1?api_key=${QUERY_KEY}`;
    const withUrl = await runCli(['verify', '--provider', 'openai_compatible', '--base-url', urlArg, '--test', 'health_check,list_models,basic_chat', '--transcripts', 'all', '--report-dir', urlDir], { ...CANARIES, OPENAI_COMPATIBLE_API_KEY: '' });
    consoles.push(['console of the --base-url run', withUrl.all ?? '']);
  });

  afterAll(() => new Promise<void>((resolve) => echo.server.close(() => resolve())));

  it('ran for real: the --local cells and transcripts exist, and the base-URL credentials reached the server', () => {
    const runDir = join(localDir, 'latest');
    const results = readResults(runDir);
    expect(results.cells.length, consoles[0]?.[1]).toBe(12);
    expect(results.cells.filter((cell) => cell.verdict === 'pass').map((cell) => cell.test)).toEqual(expect.arrayContaining(['health_check', 'basic_chat', 'bad_credentials']));
    expect(results.cells.every((cell) => typeof cell.transcript === 'string')).toBe(true);
    const urlResults = readResults(join(urlDir, 'latest'));
    const chat = urlResults.cells.find((cell) => cell.test === 'basic_chat');
    // The echo server answered 401: the Basic credentials were sent (and their echo came back, redacted).
    expect(chat?.verdict, consoles[1]?.[1]).toBe('fail');
    expect(chat?.message).toMatch(/Incorrect API key provided: Basic \[redacted\]/);
    expect(readFileSync(join(urlDir, 'latest', chat?.transcript ?? 'missing'), 'utf8')).toContain('"status": 401');
    expect(urlResults.run.argv.join(' ')).toContain('--base-url');
  });

  it('finds zero hits in every file written by either run (reports, journal, transcripts, server log) and on the console', () => {
    const files = [...filesUnder(localDir), ...filesUnder(urlDir)];
    expect(files.some((file) => file.endsWith('-server.log'))).toBe(true);
    expect(files.filter((file) => file.includes('/transcripts/')).length).toBeGreaterThanOrEqual(12);
    const found = hits([...consoles, ...files.map((file): [string, string] => [file, readFileSync(file, 'latin1')])]);
    expect(found).toEqual([]);
  });
});
