import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/core/command.ts';
import { parsed } from './support.ts';

describe('every command, canonical English and Swedish alias', () => {
  const cases: [string, string, Command][] = [
    ['help', 'hjälp', { name: 'help', args: {} }],
    ['help deadline add', 'hjälp frist ny', { name: 'help', args: { topic: 'deadline.add' } }],
    [
      'engagement add "Twin town Tartu" type=twin-town committee=ks partner="Tartu linn" country=ee funder="Svenska institutet" start=2026-01-01 end=2028-12-31 contact=@anna',
      'samarbete ny "Twin town Tartu" typ=vänort nämnd=ks partner="Tartu linn" land=ee finansiär="Svenska institutet" start=2026-01-01 slut=2028-12-31 kontakt=@anna',
      {
        name: 'engagement.add',
        args: {
          title: 'Twin town Tartu',
          type: 'twin-town',
          committee: 'ks',
          partner: 'Tartu linn',
          country: 'EE',
          funder: 'Svenska institutet',
          start: '2026-01-01',
          end: '2028-12-31',
          contact: { kind: 'name', name: 'anna' },
        },
      },
    ],
    ['engagements', 'samarbeten', { name: 'engagements', args: {} }],
    [
      'engagements committee=kfn status=running',
      'samarbeten nämnd=kfn status=pågående',
      { name: 'engagements', args: { committee: 'kfn', status: 'running' } },
    ],
    ['engagement E12', 'samarbete E12', { name: 'engagement.show', args: { id: 12 } }],
    ['engagement 12', 'samarbete e12', { name: 'engagement.show', args: { id: 12 } }],
    [
      'engagement end E12 2026-06-30 decision="KS § 45, 2026.112"',
      'samarbete avsluta 12 30 juni 2026 beslut="KS § 45, 2026.112"',
      { name: 'engagement.end', args: { id: 12, date: '2026-06-30', decision: 'KS § 45, 2026.112' } },
    ],
    [
      'deadline add "Final report" 2026-10-15 17:00 engagement=E12 owner=<@U123> remind=1,30,7,14,7',
      'frist ny "Final report" 15 okt 2026 17.00 samarbete=12 ägare=<@U123> påminn=1,30,7,14,7',
      {
        name: 'deadline.add',
        args: {
          title: 'Final report',
          date: '2026-10-15',
          time: '17:00',
          engagement: 12,
          owner: { kind: 'mention', userId: 'U123' },
          remind: [30, 14, 7, 1],
        },
      },
    ],
    ['deadline add "Budget" 2026-04-01', 'frist ny "Budget" 1 apr', { name: 'deadline.add', args: { title: 'Budget', date: '2026-04-01' } }],
    ['deadlines', 'frister', { name: 'deadlines', args: { scope: 'all' } }],
    ['deadlines mine committee=ks', 'frister mina nämnd=ks', { name: 'deadlines', args: { scope: 'mine', committee: 'ks' } }],
    ['deadlines all', 'frister alla', { name: 'deadlines', args: { scope: 'all' } }],
    // A committee id in capitals, as people and spreadsheets write it, is the configured lower-case id.
    ['deadlines committee=KFN', 'frister nämnd=Kfn', { name: 'deadlines', args: { scope: 'all', committee: 'kfn' } }],
    ['deadline done D34', 'frist klar d34', { name: 'deadline.done', args: { id: 34 } }],
    ['deadline snooze D34 3d', 'frist skjut 34 3 dagar', { name: 'deadline.snooze', args: { id: 34, days: 3 } }],
    [
      'call add "Erasmus+ KA1" opens=01-15 closes=02-20 funder="UHR" url=https://www.utbyten.se yearly',
      'utlysning ny "Erasmus+ KA1" öppnar=1-15 stänger=02-20 finansiär="UHR" url=https://www.utbyten.se årlig',
      {
        name: 'call.add',
        args: { name: 'Erasmus+ KA1', opens: '01-15', closes: '02-20', funder: 'UHR', url: 'https://www.utbyten.se', yearly: true },
      },
    ],
    [
      'call add Nordplus opens=02-29 closes=03-01',
      'utlysning ny Nordplus öppnar=02-29 stänger=03-01',
      { name: 'call.add', args: { name: 'Nordplus', opens: '02-29', closes: '03-01', yearly: false } },
    ],
    ['calls', 'utlysningar', { name: 'calls', args: {} }],
    [
      'apply E12 "Erasmus+ KA1" amount=250000kr prestudy',
      'ansök 12 "Erasmus+ KA1" belopp=250000 förstudie',
      { name: 'apply', args: { engagement: 12, call: 'Erasmus+ KA1', amount: 250000, prestudy: true } },
    ],
    ['apply E12 Nordplus', 'ansök E12 Nordplus', { name: 'apply', args: { engagement: 12, call: 'Nordplus', prestudy: false } }],
    ['application submitted A5', 'ansökan inskickad a5', { name: 'application.submitted', args: { id: 5 } }],
    ['approvals', 'beslut', { name: 'approvals', args: {} }],
    [
      'visit add E12 out 2026-06-03 2026-06-07 place="Tartu" lead=anna@kommun.se participants=4',
      'besök ny E12 ut 3 juni 7 juni plats="Tartu" ledare=anna@kommun.se deltagare=4',
      {
        name: 'visit.add',
        args: {
          engagement: 12,
          direction: 'out',
          from: '2026-06-03',
          to: '2026-06-07',
          place: 'Tartu',
          lead: { kind: 'email', email: 'anna@kommun.se' },
          participants: 4,
        },
      },
    ],
    ['visits', 'besök', { name: 'visits', args: {} }],
    ['visits upcoming', 'besök kommande', { name: 'visits', args: { filter: 'upcoming' } }],
    ['visits reports-due', 'besök rapporter-saknas', { name: 'visits', args: { filter: 'reports-due' } }],
    ['report V7', 'rapport 7', { name: 'report', args: { visit: 7 } }],
    ['annual 2026 committee=ks', 'årsrapport 2026 nämnd=ks', { name: 'annual', args: { year: 2026, committee: 'ks' } }],
    ['calendar', 'kalender', { name: 'calendar', args: {} }],
    ['mine', 'mitt', { name: 'mine', args: {} }],
  ];

  it.each(cases)('%s', (english, _swedish, command) => {
    expect(parsed(english)).toStrictEqual(command);
  });
  it.each(cases)('%s (sv: %s)', (_english, swedish, command) => {
    expect(parsed(swedish)).toStrictEqual(command);
  });
});

describe('command words', () => {
  it('treats empty or blank text as help', () => {
    expect(parsed('')).toStrictEqual({ name: 'help', args: {} });
    expect(parsed(' \u00a0 \t')).toStrictEqual({ name: 'help', args: {} });
  });

  it.each([
    ['HJÄLP', 'help'],
    ['hjalp', 'help'],
    ['Frist Klar D1', 'deadline.done'],
    ['ansok E1 x', 'apply'],
    ['ansokan inskickad A1', 'application.submitted'],
    ['besok', 'visits'],
    ['besok ny', 'visit.add'],
    ['arsrapport 2026', 'annual'],
    ['Deadline Done 1', 'deadline.done'],
    ['MINE', 'mine'],
  ])('%s is %s', (text, name) => {
    expect(parsed(text).name).toBe(name);
  });

  it('tells engagement <id> from engagement add and engagement end', () => {
    expect(parsed('engagement 3')).toStrictEqual({ name: 'engagement.show', args: { id: 3 } });
    expect(parsed('engagement add')).toStrictEqual({ name: 'engagement.add', args: { form: true } });
    expect(parsed('engagement end 3 2026-05-01 decision=KS§1').name).toBe('engagement.end');
  });

  it.each([
    ['engagement add', 'engagement.add'],
    ['samarbete ny', 'engagement.add'],
    ['visit add', 'visit.add'],
    ['besök ny', 'visit.add'],
    ['report', 'report'],
    ['rapport', 'report'],
    ['apply', 'apply'],
    ['ansök', 'apply'],
  ])('%s with no arguments opens a form', (text, name) => {
    expect(parsed(text)).toStrictEqual({ name, args: { form: true } });
  });
});

describe('tokens', () => {
  it.each([
    ['frist ny “Slutrapport Erasmus” 2026-10-15', 'Slutrapport Erasmus'],
    ['frist ny ”Slutrapport Erasmus” 2026-10-15', 'Slutrapport Erasmus'],
    ['frist ny "Slutrapport Erasmus” 2026-10-15', 'Slutrapport Erasmus'],
    ['frist ny „Slutrapport Erasmus“ 2026-10-15', 'Slutrapport Erasmus'],
    ['frist ny «Slutrapport Erasmus» 2026-10-15', 'Slutrapport Erasmus'],
    ['frist ny »Slutrapport Erasmus» 2026-10-15', 'Slutrapport Erasmus'],
    ['frist ny "Rapport «Bro» 2" 2026-10-15', 'Rapport «Bro» 2'],
    ['frist ny "a=b" 2026-10-15', 'a=b'],
    ['frist ny "  Slutrapport \u00a0 Erasmus " 2026-10-15', 'Slutrapport Erasmus'],
  ])('%s has the title %s', (text, title) => {
    expect(parsed(text).args).toStrictEqual({ title, date: '2026-10-15' });
  });

  it('collapses non-breaking and repeated spaces between words', () => {
    expect(parsed('frist\u00a0klar\u202f\u2009 D4\u200b')).toStrictEqual({ name: 'deadline.done', args: { id: 4 } });
  });

  it('puts keys anywhere, with quoted values holding spaces and "="', () => {
    expect(parsed('utlysning ny url=https://x.se/?a=b&c=d öppnar=03-01 "Kreativa Europa" stänger=04-30 finansiär=”EU kommissionen”')).toStrictEqual({
      name: 'call.add',
      args: { name: 'Kreativa Europa', opens: '03-01', closes: '04-30', funder: 'EU kommissionen', url: 'https://x.se/?a=b&c=d', yearly: false },
    });
  });

  it('accepts keys in any case and without å, ä, ö', () => {
    expect(parsed('SAMARBETEN NAMND=ks Status=Pagaende').args).toStrictEqual({ committee: 'ks', status: 'running' });
    expect(parsed('frist ny x 2026-10-15 AGARE=@anna PAMINN=7').args).toStrictEqual({
      title: 'x',
      date: '2026-10-15',
      owner: { kind: 'name', name: 'anna' },
      remind: [7],
    });
  });
});

describe('enumeration values', () => {
  it.each([
    ['vänort', 'twin-town'],
    ['vanort', 'twin-town'],
    ['twin-town', 'twin-town'],
    ['partnerskap', 'partnership'],
    ['eu-projekt', 'eu-project'],
    ['EU-project', 'eu-project'],
    ['nordplus', 'nordplus'],
    ['skola', 'school'],
    ['kultur-idrott', 'culture-sport'],
    ['näringsliv', 'business'],
    ['nätverk', 'network'],
    ['studiebesök', 'study-visit'],
    ['annat', 'other'],
  ])('type=%s is %s', (typed, type) => {
    expect(parsed(`samarbete ny x typ=${typed} nämnd=ks`).args).toStrictEqual({ title: 'x', type, committee: 'ks' });
  });

  it.each([
    ['idé', 'idea'],
    ['ide', 'idea'],
    ['förstudie', 'pre-study'],
    ['pre-study', 'pre-study'],
    ['ansökan', 'application'],
    ['pågående', 'running'],
    ['rapportering', 'reporting'],
    ['avslutad', 'closed'],
    ['avbruten', 'terminated'],
    ['terminated', 'terminated'],
  ])('status=%s is %s', (typed, status) => {
    expect(parsed(`samarbeten status=${typed}`).args).toStrictEqual({ status });
  });

  it('maps ut/in and mina/alla', () => {
    expect(parsed('besök ny 1 in 2026-05-01 2026-05-02').args).toMatchObject({ direction: 'in' });
    expect(parsed('visit add 1 UT 2026-05-01 2026-05-02').args).toMatchObject({ direction: 'out' });
    expect(parsed('deadlines MINA').args).toStrictEqual({ scope: 'mine' });
    expect(parsed('frister all').args).toStrictEqual({ scope: 'all' });
  });
});

describe('values', () => {
  const owner = (person: string) => (parsed(`frist ny x 2026-10-15 ägare=${person}`).args as { owner: unknown }).owner;

  it.each([
    ['<@U123>', { kind: 'mention', userId: 'U123' }],
    ['<@U123|anna>', { kind: 'mention', userId: 'U123', label: 'anna' }],
    ['<@29:1Ab-c_D|Anna Svensson>', { kind: 'mention', userId: '29:1Ab-c_D', label: 'Anna Svensson' }],
    ['Anna.Svensson@Kommun.se', { kind: 'email', email: 'anna.svensson@kommun.se' }],
    ['<mailto:anna@kommun.se|anna@kommun.se>', { kind: 'email', email: 'anna@kommun.se' }],
    ['@anna.svensson', { kind: 'name', name: 'anna.svensson' }],
    ['"@Anna Svensson"', { kind: 'name', name: 'Anna Svensson' }],
  ])('person %s', (typed, ref) => {
    expect(owner(typed)).toStrictEqual(ref);
  });

  it.each([
    ['250000', 250000],
    ['250000kr', 250000],
    ['250000SEK', 250000],
    ['"250 000 kr"', 250000],
  ])('amount %s', (typed, amount) => {
    expect(parsed(`ansök 1 x belopp=${typed}`).args).toMatchObject({ amount });
  });

  it.each([
    ['3d', 3],
    ['1d', 1],
    ['90d', 90],
    ['7', 7],
  ])('snooze %s', (typed, days) => {
    expect(parsed(`frist skjut 1 ${typed}`).args).toStrictEqual({ id: 1, days });
  });

  it('unwraps a Slack link in url=', () => {
    expect(parsed('utlysning ny x öppnar=01-01 stänger=02-01 url=<https://www.utbyten.se|utbyten.se>').args).toMatchObject({
      url: 'https://www.utbyten.se',
    });
  });

  it('upper-cases a country code and accepts every ISO 3166 code', () => {
    for (const code of ['se', 'FI', 'Ee', 'AX', 'PS', 'SS', 'XK']) {
      expect(parsed(`samarbete ny x typ=annat nämnd=ks land=${code}`).args).toMatchObject({ country: code.toUpperCase() });
    }
  });

  it('takes a help topic in any of its words', () => {
    expect(parsed('help engagement').args).toStrictEqual({ topic: 'engagement.show' });
    expect(parsed('hjälp samarbete avsluta').args).toStrictEqual({ topic: 'engagement.end' });
    expect(parsed('help HJALP').args).toStrictEqual({ topic: 'help' });
    expect(parsed('help besök').args).toStrictEqual({ topic: 'visits' });
  });
});
