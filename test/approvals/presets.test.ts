import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { governanceSettings } from '../../src/config/settings-governance.ts';
import type { EngagementType } from '../../src/core/command.ts';
import type { MatterKind } from '../../workflows/approvals/ports.ts';
import { decidingBody } from '../../workflows/approvals/rules.ts';

/** Every kind of body a municipality may have, so each rule can name the body it picks. */
const bodies = [
  { id: 'kf', kind: 'council', name: 'Kommunfullmäktige' },
  { id: 'ks', kind: 'board', name: 'Kommunstyrelsen' },
  { id: 'ksau', kind: 'presidium', name: 'Kommunstyrelsens presidium' },
  { id: 'kfn', kind: 'committee', name: 'Kultur- och fritidsnämnden' },
  { id: 'bun', kind: 'committee', name: 'Barn- och utbildningsnämnden' },
  { id: 'skolan', kind: 'school', name: 'Skolan' },
];

function decides(preset: string, matter: MatterKind, type: EngagementType = 'other', committeeId = 'kfn'): string {
  const settings = governanceSettings(parseConfig({ governance: { preset, bodies } }, 'test'));
  const choice = decidingBody(settings, matter, { id: 1, title: 'X', type, committeeId });
  if (!choice.ok) return `none (${choice.reason})`;
  return choice.consult ? `${choice.body.id} after ${choice.consult.id}` : choice.body.id;
}

describe('who decides what, as the three policies say it (R4)', () => {
  it('Tyresö: the board approves every project application and twin-town and partnership matters; committees run their own', () => {
    expect(decides('tyreso', 'application', 'eu-project')).toBe('ks');
    expect(decides('tyreso', 'application', 'school', 'bun')).toBe('ks');
    expect(decides('tyreso', 'twin-town')).toBe('ks');
    expect(decides('tyreso', 'partnership-programme')).toBe('ks');
    expect(decides('tyreso', 'conference-visit', 'other', 'bun')).toBe('bun');
    expect(decides('tyreso', 'culture-sport')).toBe('kfn');
  });

  it('Värmdö: the council sets twin towns, the presidium anchors conferences and visits, committees apply', () => {
    expect(decides('varmdo', 'twin-town')).toBe('kf');
    expect(decides('varmdo', 'conference-visit')).toBe('ksau');
    expect(decides('varmdo', 'application', 'eu-project', 'bun')).toBe('bun');
    expect(decides('varmdo', 'partnership-programme')).toBe('ks');
  });

  it('Kinda: council for twin towns and partner countries, committee after the board for partnerships, the school when it costs nothing', () => {
    expect(decides('kinda', 'twin-town')).toBe('kf');
    expect(decides('kinda', 'partner-country')).toBe('kf');
    expect(decides('kinda', 'partnership-programme')).toBe('kfn after ks');
    expect(decides('kinda', 'school-exchange', 'school', 'bun')).toBe('skolan');
    expect(decides('kinda', 'school-exchange-cost', 'school', 'bun')).toBe('bun');
    expect(decides('kinda', 'culture-sport')).toBe('kfn');
    expect(decides('kinda', 'business-tourism')).toBe('ks');
    expect(decides('kinda', 'application', 'partnership')).toBe('kfn after ks');
    expect(decides('kinda', 'application', 'business')).toBe('ks');
    expect(decides('kinda', 'application', 'culture-sport')).toBe('kfn');
  });

  it('says why, in the policy’s words', () => {
    const settings = governanceSettings(parseConfig({ governance: { preset: 'varmdo', bodies } }, 'test'));
    const choice = decidingBody(settings, 'conference-visit', { id: 1, title: 'X', type: 'other', committeeId: 'kfn' });
    expect(choice.ok && choice.rule.reason).toContain('politisk förankring');
  });

  it('written rules replace the preset, and a missing body is named', () => {
    const own = { rules: [{ matter: 'application', body: 'presidium', reason: 'Vår egen regel.' }], bodies: bodies.filter((b) => b.kind !== 'presidium') };
    const settings = governanceSettings(parseConfig({ governance: own }, 'test'));
    expect(decidingBody(settings, 'application', { id: 1, title: 'X', type: 'other', committeeId: 'kfn' })).toEqual({ ok: false, reason: 'noBody', kind: 'presidium' });
    expect(decidingBody(settings, 'twin-town', { id: 1, title: 'X', type: 'other', committeeId: 'kfn' })).toEqual({ ok: false, reason: 'noRule' });
  });

  it('refuses a configuration with an unknown preset or body kind', () => {
    expect(() => parseConfig({ governance: { preset: 'stockholm' } }, 'test')).toThrow(/governance\.preset/);
    expect(() => parseConfig({ governance: { bodies: [{ id: 'x', kind: 'senate', name: 'X' }] } }, 'test')).toThrow(/governance\.bodies\.0\.kind/);
  });
});
