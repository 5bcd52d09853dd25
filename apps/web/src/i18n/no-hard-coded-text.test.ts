// Guards the rule that every user-visible string comes from the catalogues.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : componentFiles(full);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [full] : [];
  });
}

// JSX text between tags, and the attributes people read or hear.
const textBetweenTags = /(?<![=-])>\s*[\p{L}][^<>{}();=]*</gu;
const spokenAttributes = /\b(?:aria-label|title|placeholder|alt)="[^"]*\p{L}[^"]*"/gu;

describe('hard-coded text', () => {
  it('finds none in the components', () => {
    const files = componentFiles(srcDir);
    expect(files.length).toBeGreaterThan(5);
    const found = files.flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      const hits = [...source.matchAll(textBetweenTags), ...source.matchAll(spokenAttributes)];
      return hits.map((hit) => `${path.relative(srcDir, file)}: ${hit[0].trim()}`);
    });
    expect(found).toEqual([]);
  });
});
