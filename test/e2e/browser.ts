import { chromium, type Browser } from 'playwright-core';
import { PNG } from 'pngjs';

/** Debian's Chromium (scripts/setup/chromium.sh), headless, driven by playwright-core. Root needs --no-sandbox. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/** Decodes a PNG screenshot: how many distinct colours it has, and whether it holds a given colour. */
export function pngColours(png: Buffer): { distinct: number; has(rgb: [number, number, number]): boolean } {
  const image = PNG.sync.read(png);
  const colours = new Set<number>();
  for (let offset = 0; offset < image.data.length; offset += 4) {
    colours.add(((image.data[offset] ?? 0) << 16) | ((image.data[offset + 1] ?? 0) << 8) | (image.data[offset + 2] ?? 0));
  }
  return { distinct: colours.size, has: ([r, g, b]) => colours.has((r << 16) | (g << 8) | b) };
}
