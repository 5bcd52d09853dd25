// A phone for the browser tests: a 390×844 screen with touch and a device pixel ratio of 2, and
// the checks a page must pass there (no sideways scroll of the page, wide tables scrolling in
// their own named box with the first column fixed, targets big enough to tap), and a screenshot
// of the phone's screen for the guides.

import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openSession, type Session } from './browser';
import { screenshotDir } from './page-checks';

export const phone = { width: 390, height: 844 };

/**
 * A new browser context that is a phone (or, with another size, a desktop screen zoomed in), its
 * console errors recorded as `openSession` records them.
 */
export async function openPhoneSession(
  browser: Browser,
  options: { locale?: string; width?: number; height?: number; touch?: boolean } = {},
): Promise<Session> {
  return openSession(browser, {
    ...options,
    width: options.width ?? phone.width,
    height: options.height ?? phone.height,
    touch: options.touch ?? true,
  });
}

/** How wide the page is against the window: never wider on any screen. */
export async function pageWidth(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

export async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await pageWidth(page);
  expect(
    scrollWidth,
    `${what}: the page is ${scrollWidth} px wide in a ${innerWidth} px window`,
  ).toBeLessThanOrEqual(innerWidth);
}

/** The element is on the screen's width, whole: nothing to scroll sideways to reach it. */
export async function expectWithinScreen(page: Page, element: Locator, what: string) {
  await element.scrollIntoViewIfNeeded();
  const box = await element.boundingBox();
  const width = page.viewportSize()?.width ?? phone.width;
  expect(box, `${what}: not on the page`).not.toBeNull();
  if (!box) return;
  expect(box.x, `${what}: starts left of the screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: ends right of the ${width} px screen`).toBeLessThanOrEqual(
    width + 0.5,
  );
}

/** A target to tap or click: at least 24 × 24 CSS pixels (WCAG 2.2, 2.5.8), and on the screen. */
export async function expectTarget(page: Page, element: Locator, what: string) {
  await expectWithinScreen(page, element, what);
  const box = await element.boundingBox();
  expect(box?.width ?? 0, `${what}: target width`).toBeGreaterThanOrEqual(24);
  expect(box?.height ?? 0, `${what}: target height`).toBeGreaterThanOrEqual(24);
}

export interface ScrollBox {
  /** The region's accessible name. */
  name: string;
  scrolls: boolean;
}

/**
 * Every wide-table box on the page (`.table-scroll`): one that scrolls is a named region in the
 * tab order, scrolls with the arrow keys once focused, and keeps its first column in view as it
 * scrolls. Returns the boxes, for the caller to count.
 */
export async function checkTableScrolls(page: Page, what: string): Promise<ScrollBox[]> {
  const boxes = page.locator('.table-scroll');
  const found: ScrollBox[] = [];
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    const facts = await box.evaluate((el) => {
      const named = (el.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
      return {
        scrolls: el.scrollWidth > el.clientWidth + 1,
        role: el.getAttribute('role'),
        tabIndex: el.getAttribute('tabindex'),
        name: (el.getAttribute('aria-label') ?? named).replace(/\s+/g, ' ').trim(),
      };
    });
    found.push({ name: facts.name, scrolls: facts.scrolls });
    if (!facts.scrolls) continue;
    const label = `${what}: the table box "${facts.name}"`;
    expect(facts.role, `${label} is a region`).toBe('region');
    expect(facts.tabIndex, `${label} is in the tab order`).toBe('0');
    expect(facts.name, `${label} has a name`).not.toBe('');
    // The keyboard scrolls it.
    await box.evaluate((el) => {
      el.scrollLeft = 0;
    });
    await box.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => box.evaluate((el) => el.scrollLeft), { message: `${label}: arrows scroll it` })
      .toBeGreaterThan(0);
    // Scrolled to its far end, the first column stays at the box's left edge.
    const edges = await box.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
      const first = el.querySelector(':scope > table > tbody > tr > :first-child:not([colspan])');
      const result = {
        box: el.getBoundingClientRect().left + el.clientLeft,
        first: first?.getBoundingClientRect().left ?? Number.NaN,
        scrolled: el.scrollLeft,
      };
      el.scrollLeft = 0;
      return result;
    });
    expect(edges.scrolled, `${label}: scrolled`).toBeGreaterThan(0);
    // Back to its start once the arrows' smooth scrolling has ended.
    await page.waitForTimeout(400);
    await box.evaluate((el) => el.scrollTo({ left: 0, behavior: 'instant' }));
    expect(Math.abs(edges.first - edges.box), `${label}: its first column stays`).toBeLessThan(2);
  }
  return found;
}

/** No word of the elements' text is broken across two lines. */
export async function expectWordsWhole(elements: Locator, what: string) {
  const broken = await elements.evaluateAll((els) => {
    const split: string[] = [];
    for (const el of els) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s\u2013\u2014/-]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) split.push(match[0]);
        }
      }
    }
    return split;
  });
  expect(broken, `${what}: words broken across lines`).toEqual([]);
}

/**
 * The phone's page from its top, at most `maxHeight` CSS pixels tall, into docs/screenshots at
 * CSS-pixel size, with no focus ring.
 */
export async function photographPhone(page: Page, file: string, maxHeight = 1600) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => {
    window.scrollTo({ left: 0, top: 0, behavior: 'instant' });
    for (const box of document.querySelectorAll('.table-scroll')) {
      box.scrollTo({ left: 0, behavior: 'instant' });
    }
  });
  const width = page.viewportSize()?.width ?? phone.width;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({
    path: path.join(screenshotDir, file),
    fullPage: true,
    scale: 'css',
    clip: { x: 0, y: 0, width, height: Math.min(height, maxHeight) },
  });
}
