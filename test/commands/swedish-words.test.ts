import { describe, expect, it } from 'vitest';
import { commandSpecs } from '../../src/commands/index.ts';
import { catalogFor } from '../../src/i18n/index.ts';

/**
 * No Swedish text suggests an English key (`opens=`) or an English command (`/samverkan
 * deadlines`). The English words come from the command table, so new commands are covered.
 */
const sv = Object.entries(catalogFor('sv'));
const englishKeys = [...new Set(commandSpecs.flatMap((s) => [...s.keys, ...s.flags].filter((k) => k.en !== k.sv).map((k) => k.en)))];
const englishCommands = [...new Set(commandSpecs.filter((s) => s.words.en.join(' ') !== s.words.sv.join(' ')).map((s) => s.words.en.join(' ')))];

describe('the Swedish catalog', () => {
  it('knows English words to look for', () => {
    expect(englishKeys).toContain('opens');
    expect(englishCommands).toContain('deadlines');
  });

  it.each(englishKeys)('never suggests the English key %s=', (key) => {
    const pattern = new RegExp(`(^|[^\\p{L}])${key}=`, 'u');
    expect(sv.filter(([, text]) => pattern.test(text)).map(([id]) => id)).toStrictEqual([]);
  });

  it.each(englishCommands)('never suggests the English command "%s"', (words) => {
    const pattern = new RegExp(`(/samverkan |: |\\bskriv )${words}(?![\\p{L}])`, 'iu');
    expect(sv.filter(([, text]) => pattern.test(text)).map(([id]) => id)).toStrictEqual([]);
  });
});
