import { describe, expect, it } from 'vitest';
import { parseCommand, readCommandForm } from '../../src/commands/index.ts';

const today = '2026-09-01';

describe('a form is read by the argument table of its command', () => {
  it('refuses what the typed command refuses, with the same words but no command line', () => {
    const typed = parseCommand('samarbete ny "Vänort" typ=vänort nämnd=kfn land=XX', today, 'sv');
    expect(typed.ok).toBe(false);
    const form = readCommandForm('engagement.add', { title: 'Vänort', type: 'twin-town', committee: 'kfn', country: 'XX' }, today, 'sv');
    expect(form).toEqual({ ok: false, errors: { country: '”XX” är ingen landskod enligt ISO 3166 (t.ex. SE, FI, DE).' } });
    if (!typed.ok) expect(typed.error.code).toBe('parse.badCountry');
  });

  it('accepts what the command accepts, read into the same arguments', () => {
    const form = readCommandForm('engagement.add', { title: ' Vänort ', type: 'twin-town', committee: 'kfn', country: 'lv', start: '2026-01-01', end: '2027-06-30', partner: '' }, today, 'sv');
    const typed = parseCommand('samarbete ny "Vänort" typ=vänort nämnd=kfn land=lv start=2026-01-01 slut=2027-06-30', today, 'sv');
    expect(typed.ok && form.ok ? form.args : undefined).toEqual(typed.ok ? typed.value.args : 'typed failed');
  });

  it('names every empty required field and a date before the one it follows', () => {
    expect(readCommandForm('visit.add', { engagement: '', direction: 'in', from: '2026-10-08', to: '2026-10-05' }, today, 'en')).toEqual({
      ok: false,
      errors: { engagement: 'This field is required.', to: '2026-10-05 is before 2026-10-08.' },
    });
  });

  it('reads a yes/no choice as the command flag', () => {
    const form = readCommandForm('apply', { engagement: 'E1', call: 'ICLD', amount: '40 000', prestudy: 'yes' }, today, 'sv');
    expect(form).toEqual({ ok: true, args: { engagement: 1, call: 'ICLD', amount: 40000, prestudy: true } });
  });
});
