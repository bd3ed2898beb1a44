import { describe, expect, it } from 'vitest';
import { readCommandForm } from '../../src/commands/index.ts';
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

  it('the engagement form refuses the same, field by field, since it is read by the command’s rules', () => {
    const result = readCommandForm('engagement.add', { title: 'a\u0000b', type: 'twin-town', committee: 'kfn', partner: long }, '2026-09-01', 'en');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.title).toContain('control character (U+0000)');
    expect(result.errors.partner).toContain('At most 200 characters (this is 201).');
  });
});
