// What the French walk reads on a page, and what counts as French (french-walk.e2e.ts).
import type { Page } from 'playwright-core';

/** The words of a text: runs of letters (accents and all), lower-cased; e-mail addresses and URLs left out. */
export function wordsOf(text: string): string[] {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\w.+-]+@[\w.-]+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\{\w+\}/g, ' ');
  return (cleaned.match(/\p{L}[\p{L}\p{M}]*/gu) ?? []).map((w) => w.toLocaleLowerCase('fr'));
}

/** What Intl writes in French for dates and times: months and days, long and short. */
function intlWords(): string[] {
  const out: string[] = [];
  const styles: Intl.DateTimeFormatOptions[] = [
    { month: 'long' },
    { month: 'short' },
    { weekday: 'long' },
    { weekday: 'short' },
    { dateStyle: 'full', timeStyle: 'short' },
  ];
  for (const style of styles) {
    const format = new Intl.DateTimeFormat('fr-CA', style);
    for (let m = 0; m < 12; m++) out.push(format.format(new Date(Date.UTC(2026, m, 3 + m, 15))));
  }
  const relative = new Intl.RelativeTimeFormat('fr-CA', { numeric: 'auto' });
  for (const unit of ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'] as const) {
    for (const n of [-2, -1, 0, 1, 2]) out.push(relative.format(n, unit));
  }
  for (const unit of ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'day', 'percent']) {
    for (const unitDisplay of ['short', 'long', 'narrow'] as const) {
      out.push(new Intl.NumberFormat('fr-CA', { style: 'unit', unit, unitDisplay }).format(2));
    }
  }
  return out;
}

/** Every word the French interface may show: its catalogue, the demo's French names, Intl's French. */
export function frenchWords(catalogue: Record<string, string>, names: string[]): Set<string> {
  const words = new Set<string>();
  for (const text of [...Object.values(catalogue), ...names, ...intlWords()]) {
    for (const word of wordsOf(text)) words.add(word);
  }
  return words;
}

export interface PageText {
  lang: string;
  title: string;
  textNodes: string[];
  attributes: string[];
  wordCount: number;
}

/**
 * The page's words a person meets or hears: its title, every text node and the attributes that
 * name things, except inside `lang` other than French and inside `[data-user-text]`.
 */
export async function readPageText(page: Page): Promise<PageText> {
  const read = await page.evaluate(() => {
    const exempt = (el: Element | null): boolean => {
      if (!el) return false;
      if (el.closest('[data-user-text]')) return true;
      const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
      return !lang.toLowerCase().startsWith('fr');
    };
    const textNodes: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(parent.tagName)) continue;
      const text = node.textContent?.trim() ?? '';
      if (text === '' || exempt(parent)) continue;
      textNodes.push(text);
    }
    const attributes: string[] = [];
    const names = [
      'aria-label',
      'aria-description',
      'aria-roledescription',
      'aria-valuetext',
      'title',
      'alt',
      'placeholder',
    ];
    for (const el of document.body.querySelectorAll('*')) {
      if (exempt(el)) continue;
      for (const name of names) {
        const value = el.getAttribute(name)?.trim();
        if (value) attributes.push(value);
      }
      if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type)) {
        if (el.value.trim()) attributes.push(el.value.trim());
      }
    }
    return { lang: document.documentElement.lang, title: document.title, textNodes, attributes };
  });
  const all = [read.title, ...read.textNodes, ...read.attributes];
  return { ...read, wordCount: all.reduce((n, text) => n + wordsOf(text).length, 0) };
}

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Each word of the page that is not French, with the text it is in. `proper` are whole phrases
 * that are no language (people's names, codes, acronyms): taken out before the words are read.
 */
export function offendingWords(
  text: PageText,
  vocabulary: Set<string>,
  proper: string[] = [],
): string[] {
  const longestFirst = [...new Set(proper)]
    .filter((p) => p.trim())
    .sort((a, b) => b.length - a.length);
  // Whole phrases only: "admin" (an address's local part) is no part of "administration".
  const properPattern =
    longestFirst.length > 0
      ? new RegExp(
          `(?<![\\p{L}\\p{N}])(?:${longestFirst.map(literal).join('|')})(?![\\p{L}\\p{N}])`,
          'gu',
        )
      : null;
  const out = new Set<string>();
  for (const piece of [text.title, ...text.textNodes, ...text.attributes]) {
    const spoken = properPattern ? piece.replace(properPattern, ' ') : piece;
    for (const word of wordsOf(spoken)) {
      if (word.length > 1 && !vocabulary.has(word)) out.add(`${word} (in “${piece.slice(0, 80)}”)`);
    }
  }
  return [...out];
}
