import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { BodySettings } from '../../workflows/approvals/ports.ts';
import { closingDay, decisionFieldErrors, expiryAt, isApprover, matchCall, meetingReminders, timingWarning } from '../../workflows/approvals/rules.ts';

const board: BodySettings = {
  id: 'ks',
  kind: 'board',
  name: 'Kommunstyrelsen',
  targets: [],
  approvers: { slackUsers: ['U0BOARD1'], slackGroups: ['S0PRES'], teams: ['22222222-2222-4222-8222-222222222222', 'cecilia@tyreso.se'] },
  meetings: ['2026-12-02', '2027-01-20', '2027-03-03'],
};
const zone = 'Europe/Stockholm';

describe('who may decide', () => {
  it('knows Slack users by id and by group, Teams users by AAD object id or e-mail', () => {
    expect(isApprover(board, { platform: 'slack', tenantId: 'T1', userId: 'U0BOARD1' })).toBe(true);
    expect(isApprover(board, { platform: 'slack', tenantId: 'T1', userId: 'U0OTHER' })).toBe(false);
    expect(isApprover(board, { platform: 'slack', tenantId: 'T1', userId: 'U0OTHER' }, { groupMembers: ['U0OTHER'] })).toBe(true);
    expect(isApprover(board, { platform: 'teams', tenantId: 't', userId: '29:b', aadObjectId: '22222222-2222-4222-8222-222222222222' })).toBe(true);
    expect(isApprover(board, { platform: 'teams', tenantId: 't', userId: '29:c' }, { email: 'Cecilia@Tyreso.se' })).toBe(true);
    // A Teams user id that happens to equal a Slack approver's id is not a Slack approver.
    expect(isApprover(board, { platform: 'teams', tenantId: 't', userId: 'U0BOARD1' })).toBe(false);
  });
});

describe('time', () => {
  it('finds the next closing day of a yearly call, and the past one of a one-off call', () => {
    expect(closingDay({ closes: '10-15', yearly: true }, '2026-11-23')).toBe('2027-10-15');
    expect(closingDay({ closes: '12-10', yearly: true }, '2026-11-23')).toBe('2026-12-10');
    expect(closingDay({ closes: '10-15', yearly: false }, '2026-11-23')).toBe('2026-10-15');
    expect(closingDay({ closes: '02-29', yearly: true }, '2027-01-10')).toBe('2027-02-28');
  });

  it('warns when the call closes before the next meeting or within five working days', () => {
    expect(timingWarning('2026-11-30', '2026-12-02', '2026-11-23', 5)).toBe('closesBeforeMeeting');
    expect(timingWarning('2026-12-03', '2026-12-02', '2026-11-27', 5)).toBe('closesSoon');
    // Five working days from Friday 18 December reach past Christmas to 29 December.
    expect(timingWarning('2026-12-29', '2026-12-02', '2026-12-18', 5)).toBe('closesSoon');
    expect(timingWarning('2026-12-30', '2026-12-02', '2026-12-18', 5)).toBeUndefined();
    expect(timingWarning('2027-10-15', undefined, '2026-11-23', 5)).toBe('closesBeforeMeeting');
    expect(timingWarning(undefined, '2026-12-02', '2026-11-23', 5)).toBeUndefined();
  });

  it('reminds on the working day before each meeting until the call closes, and expires at the end of the closing day', () => {
    const now = DateTime.fromISO('2026-11-23T09:00:00Z');
    expect(meetingReminders(board, '2027-02-01', '08:00', zone, now)).toEqual([
      { meeting: '2026-12-02', at: '2026-12-01T07:00:00.000Z' },
      { meeting: '2027-01-20', at: '2027-01-19T07:00:00.000Z' },
    ]);
    expect(meetingReminders(board, undefined, '08:00', zone, now)).toHaveLength(1);
    expect(expiryAt('2026-11-27', zone)).toBe('2026-11-27T23:00:00.000Z');
  });
});

describe('calls and decisions', () => {
  const calls = [
    { id: 1, name: 'ICLD kommunala partnerskap', funder: 'ICLD', opens: '09-01', closes: '10-15', yearly: true },
    { id: 2, name: 'Nordplus Junior', funder: 'Nordplus', opens: '11-01', closes: '02-01', yearly: true },
    { id: 3, name: 'Nordplus Vuxen', funder: 'Nordplus', opens: '11-01', closes: '02-01', yearly: true },
  ];
  it('finds a call by id, by name or funder, and none when the text is ambiguous', () => {
    expect(matchCall('C2', calls)?.id).toBe(2);
    expect(matchCall('3', calls)?.id).toBe(3);
    expect(matchCall('icld', calls)?.id).toBe(1);
    expect(matchCall('Nordplus', calls)).toBeUndefined();
    expect(matchCall('Erasmus+', calls)).toBeUndefined();
  });

  it('asks for a reference to approve or reject and a comment to reject or ask for changes', () => {
    expect(decisionFieldErrors('approved', '', '')).toEqual(['reference']);
    expect(decisionFieldErrors('rejected', 'KS § 4', '')).toEqual(['comment']);
    expect(decisionFieldErrors('changes', '', 'Ange budget.')).toEqual([]);
  });
});
