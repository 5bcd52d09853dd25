// What the workflow e2e files share: a message with its parameters filled in, an axe check, and
// a screenshot of the page's top for the guides.

import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { en, type MessageKey } from '../../src/i18n/messages.en';
import { webDir } from './api-server';
import { seriousViolations } from './axe';

export const screenshotDir = path.resolve(webDir, '../../docs/screenshots');

/** An English message with its `{name}` parameters filled in. */
export function fill(key: MessageKey, params: Record<string, string>): string {
  return en[key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

export async function expectAccessible(page: Page, label: string) {
  expect(await seriousViolations(page), `axe: serious or critical violations on ${label}`).toEqual(
    [],
  );
}

/** The page's top, at most `maxHeight` pixels tall, into docs/screenshots, with no focus ring. */
export async function photograph(page: Page, file: string, maxHeight = 1100) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({
    path: path.join(screenshotDir, file),
    fullPage: true,
    clip: { x: 0, y: 0, width: 1280, height: Math.min(height, maxHeight) },
  });
}
