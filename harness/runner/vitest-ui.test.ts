import { describe, expect, it } from 'vitest';
import type { Vitest } from 'vitest/node';
import { uiReporter, uiUrl } from './vitest-ui.ts';

/** The few fields of a Vitest instance the UI helpers read (not a running vitest). */
const fakeVitest = (local: string[]): Vitest =>
  ({ vite: { resolvedUrls: { local, network: [] } }, config: { uiBase: '/__vitest__/', api: { token: 'tok-1' } } }) as unknown as Vitest;

describe('uiUrl', () => {
  it('is the UI page on the server origin, with the API token', () => {
    expect(uiUrl(fakeVitest(['http://127.0.0.1:51205/']))).toBe('http://127.0.0.1:51205/__vitest__/?token=tok-1');
  });

  it('is undefined while the server has no address', () => {
    expect(uiUrl(fakeVitest([]))).toBeUndefined();
  });
});

describe('uiReporter', () => {
  it('tells the URL once, as soon as it is known', () => {
    const told: string[] = [];
    const reporter = uiReporter({ port: 1, host: '127.0.0.1', onUrl: (url) => told.push(url) });
    const vitest = fakeVitest([]);
    reporter.onInit?.(vitest);
    expect(told).toEqual([]);
    (vitest.vite.resolvedUrls as { local: string[] }).local.push('http://127.0.0.1:9/');
    reporter.onTestRunStart?.([]);
    reporter.onTestRunStart?.([]);
    expect(told).toEqual(['http://127.0.0.1:9/__vitest__/?token=tok-1']);
  });
});
