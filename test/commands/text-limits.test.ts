import { describe, expect, it } from 'vitest';
import { readEngagementForm } from '../../workflows/engagements/form.ts';
import { translator } from '../../src/i18n/index.ts';
import { municipalitySettings } from '../../src/config/settings.ts';
import { parseConfig } from '../../src/config/load.ts';
import { errorText, parsed } from './support.ts';

/** Issue 12: free text typed in a command has the limits of the form's field, with its words. */
describe('free text in commands and forms', () => {
  const long = 'x'.repeat(201);

  it('a title over 200 characters is refused with the form’s message, in Swedish and English', () => {
    expect(errorText(`frist ny "${long}" 15 okt`)).toBe('Högst 200 tecken (här är det 201).');
    expect(errorText(`deadline add "${long}" 15 Oct`, 'en')).toBe('At most 200 characters (this is 201).');
    expect(errorText('samarbete ny "ok" typ=vänort nämnd=kfn partner="' + long + '"')).toMatch(/^Högst 200 tecken \(här är det 201\)/);
    expect(parsed(`frist ny "${'x'.repeat(200)}" 15 okt`).name).toBe('deadline.add');
  });

  it('counts characters, not UTF-16 units: 200 å and emoji are fine', () => {
    expect(parsed(`frist ny "${'🇸🇪'.repeat(100)}" 15 okt`).name).toBe('deadline.add');
  });

  it.each([
    ['\u0000', 'U+0000'],
    ['\u0007', 'U+0007'],
    ['\u001b', 'U+001B'],
  ])('a control character %j in free text is refused and named', (char, code) => {
    expect(errorText(`frist ny "Slut${char}rapport" 15 okt`)).toContain(`styrtecken (${code})`);
  });

  it('tab and newline are text, not control characters', () => {
    expect(parsed('frist ny "Slut\trapport" 15 okt').name).toBe('deadline.add');
  });

  it('the engagement form refuses the same, field by field', () => {
    const settings = municipalitySettings(parseConfig({ committees: [{ id: 'kfn', name: 'Kultur' }] }, 'test'));
    const result = readEngagementForm({ title: 'a\u0000b', type: 'twin-town', committee: 'kfn', partner: long }, translator('en'), settings);
    expect(result).toEqual({
      ok: false,
      errors: {
        title: 'The text contains a control character (U+0000) that cannot be saved. Remove it and try again.',
        partner: 'At most 200 characters (this is 201).',
      },
    });
  });
});
