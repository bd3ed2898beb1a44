import { describe, expect, it } from 'vitest';
import type { VisitRecord } from '../../workflows/visits/ports.ts';
import { checkReport, planReportPrompts, visitsOverLimit } from '../../workflows/visits/rules.ts';

const visit = (id: number, fromDate: string, status: VisitRecord['status'] = 'planned'): VisitRecord => ({
  id,
  engagementId: 1,
  direction: 'out',
  fromDate,
  toDate: fromDate,
  lead: { platform: 'slack', tenantId: 'T', userId: 'U' },
  status,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('report prompts', () => {
  it('asks the working day after the visit and reminds every 5 working days, escalating with the third', () => {
    // Thursday 30 April 2026; Friday 1 May is a public holiday, so the first request is Monday 4 May.
    const prompts = planReportPrompts('2026-04-30', '08:00', 'Europe/Stockholm', 5, 3);
    expect(prompts).toEqual([
      { n: 0, at: '2026-05-04T06:00:00.000Z', escalate: false },
      { n: 1, at: '2026-05-11T06:00:00.000Z', escalate: false },
      // Ascension Day, Thursday 14 May, is not a working day.
      { n: 2, at: '2026-05-19T06:00:00.000Z', escalate: false },
      { n: 3, at: '2026-05-26T06:00:00.000Z', escalate: true },
    ]);
  });

  it('follows winter time', () => {
    expect(planReportPrompts('2026-11-05', '08:00', 'Europe/Stockholm', 5, 1)[0]?.at).toBe('2026-11-06T07:00:00.000Z');
  });
});

describe('reciprocal twin-town visits per term of office', () => {
  it('goes over the limit on the third visit of the same term', () => {
    const earlier = [visit(1, '2023-03-01'), visit(2, '2024-06-01')];
    expect(visitsOverLimit(earlier, '2026-10-14', 2)?.map((v) => v.id)).toEqual([1, 2]);
  });

  it('starts afresh on 15 October after the election and ignores cancelled visits', () => {
    const earlier = [visit(1, '2023-03-01'), visit(2, '2024-06-01')];
    expect(visitsOverLimit(earlier, '2026-10-15', 2)).toBeUndefined();
    expect(visitsOverLimit([visit(1, '2023-03-01'), visit(2, '2024-06-01', 'cancelled')], '2025-01-01', 2)).toBeUndefined();
  });
});

describe('report checks', () => {
  const good = { purpose: 'Syfte', activities: 'Möten', participants: 'Anna', results: 'Plan', costs: '0 kr', followUps: '' };
  it('accepts a complete report without follow-ups', () => {
    expect(checkReport(good)).toEqual([]);
  });
  it('names every missing, too long or amount-less field', () => {
    expect(checkReport({ ...good, purpose: ' ', activities: 'x'.repeat(3001), costs: 'mycket' })).toEqual([
      { field: 'purpose', problem: 'missing' },
      { field: 'activities', problem: 'tooLong', max: 3000, length: 3001 },
      { field: 'costs', problem: 'noAmount' },
    ]);
  });
});
