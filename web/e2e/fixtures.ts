// Small pieces the browser tests share: a valid PNG to upload, signing in, and a watch on what a page did
// wrong (uncaught errors, requests leaving localhost, anything of Cesium downloaded).
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { guardOffline } from './browser.ts';

/** A small valid PNG (a coloured square), as setInputFiles takes it. */
export function pngFile(name: string, rgb: [number, number, number] = [220, 60, 40]) {
  const png = new PNG({ width: 16, height: 16 });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = rgb[0];
    png.data[i + 1] = rgb[1];
    png.data[i + 2] = rgb[2];
    png.data[i + 3] = 255;
  }
  return { name, mimeType: 'image/png', buffer: PNG.sync.write(png) };
}

export async function signIn(page: Page, username: string, password: string) {
  await page.waitForSelector('[data-testid=login-form]');
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
}

export interface PageWatch {
  offsite: string[];
  errors: string[];
  /** Requests for Cesium: its static files or the big-screen chunk that bundles it. */
  cesium: string[];
}

export async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = { offsite: await guardOffline(page), errors: [], cesium: [] };
  page.on('pageerror', (e) => watch.errors.push(e.message));
  page.on('request', (r) => {
    if (/cesium|\/assets\/Screen-[^/]*\.js/i.test(r.url())) watch.cesium.push(r.url());
  });
  return watch;
}

/**
 * Resolves after the page has run `n` animation frames: what a map (deck.gl, Cesium) changed in the last
 * React commit has been drawn once this returns, as both draw in their animation-frame callback.
 */
export function frames(page: Page, n = 2): Promise<void> {
  return page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
        step(count);
      }),
    n,
  );
}
