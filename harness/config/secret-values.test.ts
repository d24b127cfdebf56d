import { describe, expect, it } from 'vitest';
import { credentialEnvNames, runSecretValues } from './secret-values.ts';

const providers = [
  { auth: { envVars: ['A_API_KEY'], required: true }, baseUrl: { env: 'A_BASE_URL' } },
  { auth: { envVars: ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE'], required: true }, secretEnv: ['AWS_SECRET_ACCESS_KEY'] },
];

describe('runSecretValues', () => {
  it('names every credential var of every provider, never settings such as *_PROFILE', () => {
    expect(credentialEnvNames(providers)).toEqual(['A_API_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']);
  });

  it('collects env credential values, plan keys, and URL userinfo / query keys of the flag and base-URL vars', () => {
    const env = { A_API_KEY: 'ka', AWS_SECRET_ACCESS_KEY: 'sa', AWS_PROFILE: 'default', A_BASE_URL: 'http://u1:p1@h/?key=q1' };
    const values = runSecretValues({ providers, env, keys: { a: 'launched' }, urls: ['http://u2:p2@h/v1?api_key=q2&model=m', undefined] });
    expect(values.sort()).toEqual(['ka', 'launched', 'p1', 'p2', 'q1', 'q2', 'sa', 'u1', 'u2', 'u1:p1', 'u2:p2'].sort());
  });
});
