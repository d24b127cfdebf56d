import { config as loadDotenv } from 'dotenv';

/** Loads .env (if present) into process.env without overriding what the shell already set. */
export function loadEnvironment(path = '.env'): NodeJS.ProcessEnv {
  loadDotenv({ path, quiet: true, override: false });
  return process.env;
}
