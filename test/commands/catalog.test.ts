import { describe, expect, it } from 'vitest';
import { commands as en } from '../../src/i18n/en/commands.ts';
import { commands as sv } from '../../src/i18n/sv/commands.ts';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the commands catalogs', () => {
  const keys = Object.keys(en) as (keyof typeof en)[];

  it('use only the parse., help. and cmd. prefixes', () => {
    expect(keys.filter((k) => !/^(parse|help|cmd)\./.test(k))).toStrictEqual([]);
  });

  it.each(keys)('%s has the same placeholders in both languages', (key) => {
    expect(placeholders(sv[key])).toStrictEqual(placeholders(en[key]));
  });

  it('show the usage line in every argument error', () => {
    const argumentErrors = keys.filter(
      (k) => k.startsWith('parse.') && !['parse.unknownCommand', 'parse.incompleteCommand', 'parse.unknownTopic'].includes(k),
    );
    for (const key of argumentErrors) expect(en[key], key).toContain('{usage}');
  });

  it('write Swedish with Swedish quotation marks', () => {
    const straight = keys.filter((k) => k.startsWith('parse.') && /[“"]/.test(sv[k]));
    expect(straight).toStrictEqual([]);
  });
});
