import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { visitsSettings } from '../../src/config/settings-visits.ts';

const base = {
  coordinator: { channel: { slack: 'C0INTL' } },
  committees: [
    { id: 'ks', name: 'Kommunstyrelsen', channel: { slack: 'C0KS', teams: '19:ks@thread.tacv2' } },
    { id: 'kfn', name: 'Kultur- och fritidsnämnden', channel: { slack: 'C0KFN' } },
  ],
};

describe('the visits: section of the configuration', () => {
  it('sends filed reports to the executive board by default, every 5 working days, 3 reminders, 2 visits a term', () => {
    expect(visitsSettings(parseConfig(base, 'test'))).toEqual({
      boardTargets: [
        { kind: 'conversation', platform: 'slack', conversationId: 'C0KS' },
        { kind: 'conversation', platform: 'teams', conversationId: '19:ks@thread.tacv2' },
      ],
      boardName: 'Kommunstyrelsen',
      reminderEveryWorkingDays: 5,
      remindersBeforeEscalation: 3,
      twinTownVisitsPerTerm: 2,
    });
  });

  it('names another committee, and falls back to the coordinator’s channel when it has none', () => {
    const kfn = visitsSettings(parseConfig({ ...base, visits: { reportsTo: 'kfn', reminderEveryWorkingDays: 3 } }, 'test'));
    expect(kfn.boardTargets).toEqual([{ kind: 'conversation', platform: 'slack', conversationId: 'C0KFN' }]);
    expect(kfn.reminderEveryWorkingDays).toBe(3);
    const none = visitsSettings(parseConfig({ ...base, committees: [] }, 'test'));
    expect(none.boardTargets).toEqual([{ kind: 'conversation', platform: 'slack', conversationId: 'C0INTL' }]);
    // Texts then name the board in words, never by its id.
    expect(none.boardName).toBe('kommunstyrelsen');
  });

  it('refuses a board that is not a committee', () => {
    expect(() => visitsSettings(parseConfig({ ...base, visits: { reportsTo: 'kss' } }, 'test'))).toThrow('visits.reportsTo names "kss", which is not a committee in the configuration (committees: ks, kfn)');
  });

  it('refuses unknown keys and impossible numbers', () => {
    expect(() => parseConfig({ ...base, visits: { reportTo: 'ks' } }, 'test')).toThrow(/reportTo/);
    expect(() => parseConfig({ ...base, visits: { reminderEveryWorkingDays: 0 } }, 'test')).toThrow(/reminderEveryWorkingDays/);
  });
});
