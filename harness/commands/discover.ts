import { loadEnvironment } from '../config/env.ts';
import { cloudProvidersWithCredentials, discoverLocalServers } from '../endpoints/discover.ts';
import type { Wiring } from './wiring.ts';

/** `discover`: which local servers answer on their usual ports, and which cloud providers have credentials (names only). */
export async function runDiscover(args: { timeout: number; json?: boolean }, wiring: Pick<Wiring, 'providers'>): Promise<number> {
  const env = loadEnvironment();
  const servers = await discoverLocalServers({ timeoutMs: args.timeout });
  const cloud = cloudProvidersWithCredentials(env, wiring.providers);
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ localServers: servers, cloudProvidersWithCredentials: cloud }, null, 2)}\n`);
    return 0;
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out('Local servers:');
  for (const server of servers) {
    if (server.models.length > 0) out(`  ${server.provider.padEnd(10)} ${server.url}  ${server.models.length} model(s): ${server.models.join(', ')}`);
    else if (server.reachable) out(`  ${server.provider.padEnd(10)} ${server.url}  answers, but no model listing: ${server.error ?? 'empty'}`);
    else out(`  ${server.provider.padEnd(10)} ${server.url}  not running`);
  }
  out(`Cloud providers with credentials: ${cloud.length > 0 ? cloud.join(', ') : 'none (set e.g. OPENAI_API_KEY; see .env.example)'}`);
  return 0;
}
