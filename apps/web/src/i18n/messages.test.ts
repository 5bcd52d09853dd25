import { describe, expect, it } from 'vitest';
import { en } from './messages.en';
import { fr } from './messages.fr';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('gives French every English key and no other', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('has no empty string in either language', () => {
    for (const catalogue of [en, fr]) {
      const empty = Object.entries(catalogue).filter(([, text]) => text.trim() === '');
      expect(empty).toEqual([]);
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, names: placeholders(fr[key]) }).toEqual({ key, names: placeholders(en[key]) });
    }
  });

  it('translates the navigation rather than copying the English', () => {
    expect(fr['nav.scorecards']).not.toBe(en['nav.scorecards']);
    expect(fr['login.submit']).not.toBe(en['login.submit']);
  });
});
