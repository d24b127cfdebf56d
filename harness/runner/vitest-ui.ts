import type { Reporter, Vitest } from 'vitest/node';

export interface UiOptions {
  /** Port of the UI server (the next free one is taken when it is busy). */
  port: number;
  /** Interface to listen on; loopback unless asked otherwise. */
  host: string;
  /** Called once with the UI's URL, as soon as the server listens (before the cells run). */
  onUrl(url: string): void;
}

/** The page of @vitest/ui for this run, with the API token the page needs. */
export function uiUrl(vitest: Vitest): string | undefined {
  const origin = vitest.vite.resolvedUrls?.local[0] ?? vitest.vite.resolvedUrls?.network[0];
  if (!origin) return undefined;
  const url = new URL(vitest.config.uiBase, origin);
  url.searchParams.set('token', vitest.config.api.token);
  return url.href;
}

/** A reporter that hands the UI's URL over when vitest starts (the server already listens then). */
export function uiReporter(options: UiOptions): Reporter {
  let told = false;
  const tell = (vitest: Vitest) => {
    const url = uiUrl(vitest);
    if (told || !url) return;
    told = true;
    options.onUrl(url);
  };
  let context: Vitest | undefined;
  return {
    onInit(vitest) {
      context = vitest;
      tell(vitest);
    },
    onTestRunStart() {
      if (context) tell(context);
    },
  };
}
