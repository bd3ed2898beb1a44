import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/index.ts';
import { errorText, today } from './support.ts';

const usage = {
  engagementAdd:
    'samarbete ny "<titel>" typ=<typ> nämnd=<id> [partner="…"] [land=<landskod>] [finansiär="…"] [start=<datum>] [slut=<datum>] [kontakt=<person>]',
  engagements: 'samarbeten [nämnd=<id>] [status=<status>] [sida=<n>]',
  engagementShow: 'samarbete <id>',
  engagementEnd: 'samarbete avsluta <id> <datum> beslut="<referens>"',
  deadlineAdd: 'frist ny "<titel>" <datum> [<tid>] [samarbete=<id>] [ägare=<person>] [påminn=30,14,7,1]',
  deadlines: 'frister [mina|alla] [nämnd=<id>] [sida=<n>]',
  deadlineDone: 'frist klar <id>',
  deadlineSnooze: 'frist skjut <id> <n>d',
  callAdd: 'utlysning ny "<namn>" öppnar=<MM-DD> stänger=<MM-DD> [finansiär="…"] [url=<adress>] [årlig]',
  apply: 'ansök <samarbete> "<utlysning eller finansiär>" [belopp=<kronor>] [förstudie]',
  submitted: 'ansökan inskickad <id>',
  visitAdd: 'besök ny <samarbete> <ut|in> <från-datum> <till-datum> [plats="…"] [ledare=<person>] [deltagare=<antal>]',
  visits: 'besök [kommande|rapporter-saknas] [sida=<n>]',
  report: 'rapport <besök>',
  annual: 'årsrapport <år> [nämnd=<id>]',
  calendar: 'kalender [nämnd=<id>]',
};
const write = (u: string) => `Skriv så här: ${u}`;

describe('bad input gets one line in Swedish: what was wrong, then the right form', () => {
  const cases: [string, string][] = [
    ['hej', 'Kommandot ”hej” finns inte. Skriv hjälp för att se alla kommandon.'],
    ['"frist ny"', 'Kommandot ”frist ny” finns inte. Skriv hjälp för att se alla kommandon.'],
    ['frist', '”frist” är inget kommando i sig. Menade du: frist ny, frist klar, frist skjut?'],
    ['deadline foo', '”deadline” är inget kommando i sig. Menade du: deadline add, deadline done, deadline snooze?'],
    ['hjälp flyg', 'Det finns ingen hjälp om ”flyg”. Skriv hjälp för att se alla kommandon.'],
    ['hjälp frist ny nu', 'Det finns ingen hjälp om ”frist ny nu”. Skriv hjälp för att se alla kommandon.'],
    ['frist ny "Slutrapport 15 okt', `Ett citattecken avslutas aldrig. ${write(usage.deadlineAdd)}`],
    ['frist ny "x" 15 okt färg=röd', `Okänd nyckel ”färg=”. ${write(usage.deadlineAdd)}`],
    ['frist ny "x" 15 okt ägare=@a ägare=@b', `”ägare” står mer än en gång. ${write(usage.deadlineAdd)}`],
    ['frist ny "x" 15 okt owner=@a ägare=@b', `”ägare” står mer än en gång. ${write(usage.deadlineAdd)}`],
    ['frist ny "x" 15 okt påminn=', `”påminn=” saknar värde. ${write(usage.deadlineAdd)}`],
    ['utlysning ny x öppnar=01-01 stänger=02-01 årlig=ja', `”årlig” tar inget värde, bara ordet. ${write(usage.callAdd)}`],
    ['utlysning ny x öppnar=01-01 stänger=02-01 årlig yearly', `”yearly” står mer än en gång. ${write(usage.callAdd)}`],
    ['frist ny "x"', `Det saknas ett datum. ${write(usage.deadlineAdd)}`],
    ['frist ny påminn=7', `Det saknas en titel. ${write(usage.deadlineAdd)}`],
    ['frist klar', `Det saknas ett frist-id. ${write(usage.deadlineDone)}`],
    ['frist skjut D3', `Det saknas ett antal dagar (t.ex. 3d). ${write(usage.deadlineSnooze)}`],
    ['samarbete', `Det saknas ett samarbets-id. ${write(usage.engagementShow)}`],
    ['besök ny E1 ut 3 juni', `Det saknas ett till-datum. ${write(usage.visitAdd)}`],
    ['årsrapport nämnd=ks', `Det saknas ett år. ${write(usage.annual)}`],
    ['samarbete ny "x" nämnd=ks', `typ= måste vara med. ${write(usage.engagementAdd)}`],
    ['samarbete avsluta E1 30 juni', `beslut= måste vara med. ${write(usage.engagementEnd)}`],
    ['utlysning ny x öppnar=01-01', `stänger= måste vara med. ${write(usage.callAdd)}`],
    ['samarbete E12 E13', `Oväntat ”E13”. ${write(usage.engagementShow)}`],
    ['kalender nu', `Oväntat ”nu”. ${write(usage.calendar)}`],
    ['frist ny "x" 15 okt 17:00 idag', `Oväntat ”idag”. ${write(usage.deadlineAdd)}`],
    ['frist ny Slutrapport Erasmus 15 okt', `Oväntat ”Erasmus”; sätt text med mellanslag inom citattecken. ${write(usage.deadlineAdd)}`],
    ['ansök E1 Erasmus plus', `Oväntat ”plus”; sätt text med mellanslag inom citattecken. ${write(usage.apply)}`],
    ['frist ny "" 15 okt', `Texten inom citattecken är tom. ${write(usage.deadlineAdd)}`],
    ['frist ny "x" imorgon', `”imorgon” är inget datum (skriv 2026-10-15 eller 15 okt 2026). ${write(usage.deadlineAdd)}`],
    ['frist ny "x" 15 oktobr', `”15 oktobr” är inget datum (skriv 2026-10-15 eller 15 okt 2026). ${write(usage.deadlineAdd)}`],
    ['frist ny "x" 15/10', `”15/10” är inget datum (skriv 2026-10-15 eller 15 okt 2026). ${write(usage.deadlineAdd)}`],
    ['frist ny "x" 2026-02-30', `2026-02-30 finns inte i kalendern. ${write(usage.deadlineAdd)}`],
    ['frist ny "x" 29 feb 2027', `29 feb 2027 finns inte i kalendern. ${write(usage.deadlineAdd)}`],
    ['frist ny "x" 31 april', `31 april finns inte i kalendern. ${write(usage.deadlineAdd)}`],
    ['frist ny "x" 15 okt 25:00', `”25:00” är inget klockslag (skriv t.ex. 17:00). ${write(usage.deadlineAdd)}`],
    ['frist ny "x" 15 okt 17.60', `”17.60” är inget klockslag (skriv t.ex. 17:00). ${write(usage.deadlineAdd)}`],
    ['besök ny E1 ut 2026-06-07 2026-06-03', `2026-06-03 ligger före 2026-06-07. ${write(usage.visitAdd)}`],
    ['samarbete ny x typ=skola nämnd=ks start=2026-05-01 slut=2026-04-30', `2026-04-30 ligger före 2026-05-01. ${write(usage.engagementAdd)}`],
    ['samarbete ny x typ=skola nämnd=ks start="1 maj" slut=maj', `”maj” är inget datum (skriv 2026-10-15 eller 15 okt 2026). ${write(usage.engagementAdd)}`],
    ['utlysning ny x öppnar=02-30 stänger=03-01', `”02-30” är ingen dag på året (skriv månad-dag, t.ex. 03-15). ${write(usage.callAdd)}`],
    ['utlysning ny x öppnar=1 mars stänger=03-01', `”1” är ingen dag på året (skriv månad-dag, t.ex. 03-15). ${write(usage.callAdd)}`],
    ['utlysning ny x öppnar=13-01 stänger=03-01', `”13-01” är ingen dag på året (skriv månad-dag, t.ex. 03-15). ${write(usage.callAdd)}`],
    ['samarbete abc', `”abc” är inte ett samarbets-id (som E12). ${write(usage.engagementShow)}`],
    ['samarbete E0', `”E0” är inte ett samarbets-id (som E12). ${write(usage.engagementShow)}`],
    ['samarbete X12', `”X12” är inte ett samarbets-id (som E12). ${write(usage.engagementShow)}`],
    ['samarbete D12', `D12 är ett frist-id, men här behövs ett samarbets-id (som E12). ${write(usage.engagementShow)}`],
    ['frist klar E12', `E12 är ett samarbets-id, men här behövs ett frist-id (som D34). ${write(usage.deadlineDone)}`],
    ['ansökan inskickad V7', `V7 är ett besöks-id, men här behövs ett ansöknings-id (som A5). ${write(usage.submitted)}`],
    ['rapport C3', `C3 är ett utlysnings-id, men här behövs ett besöks-id (som V7). ${write(usage.report)}`],
    ['frist ny "x" 15 okt samarbete=A5', `A5 är ett ansöknings-id, men här behövs ett samarbets-id (som E12). ${write(usage.deadlineAdd)}`],
    [
      'samarbete ny x typ=vänskap nämnd=ks',
      `”vänskap” är inte en samarbetstyp. Välj en av: vänort, partnerskap, eu-projekt, nordplus, skola, kultur-idrott, näringsliv, nätverk, studiebesök, annat. ${write(usage.engagementAdd)}`,
    ],
    [
      'samarbeten status=klar',
      `”klar” är inte en status. Välj en av: idé, förstudie, ansökan, pågående, rapportering, avslutad, avbruten. ${write(usage.engagements)}`,
    ],
    ['frister mest', `”mest” är inte ett giltigt urval. Välj en av: mina, alla. ${write(usage.deadlines)}`],
    ['besök ny E1 upp 3 juni 7 juni', `”upp” är inte en riktning. Välj en av: ut, in. ${write(usage.visitAdd)}`],
    ['besök gamla', `”gamla” är inte ett giltigt urval. Välj en av: kommande, rapporter-saknas. ${write(usage.visits)}`],
    ['samarbeten nämnd="k s"', `”k s” är inget nämnd-id (t.ex. ks). ${write(usage.engagements)}`],
    ['samarbete ny x typ=skola nämnd=ks land=UK', `”UK” är ingen landskod enligt ISO 3166 (t.ex. SE, FI, DE). ${write(usage.engagementAdd)}`],
    ['samarbete ny x typ=skola nämnd=ks land=SWE', `”SWE” är ingen landskod enligt ISO 3166 (t.ex. SE, FI, DE). ${write(usage.engagementAdd)}`],
    ['ansök E1 x belopp=0', `”0” är inget belopp; ange hela kronor, t.ex. 250000. ${write(usage.apply)}`],
    ['ansök E1 x belopp=2,5', `”2,5” är inget belopp; ange hela kronor, t.ex. 250000. ${write(usage.apply)}`],
    ['ansök E1 x belopp=-100', `”-100” är inget belopp; ange hela kronor, t.ex. 250000. ${write(usage.apply)}`],
    [
      'frist ny "x" 15 okt påminn=30,0',
      `”30,0” är ingen lista med påminnelsedagar; ange dagar före fristen, 1–365, t.ex. 30,14,7,1. ${write(usage.deadlineAdd)}`,
    ],
    [
      'frist ny "x" 15 okt påminn=400',
      `”400” är ingen lista med påminnelsedagar; ange dagar före fristen, 1–365, t.ex. 30,14,7,1. ${write(usage.deadlineAdd)}`,
    ],
    [
      'frist ny "x" 15 okt påminn=7,,1',
      `”7,,1” är ingen lista med påminnelsedagar; ange dagar före fristen, 1–365, t.ex. 30,14,7,1. ${write(usage.deadlineAdd)}`,
    ],
    ['frist skjut D3 0d', `”0d” är inget antal dagar; ange 1–90 dagar, t.ex. 3d. ${write(usage.deadlineSnooze)}`],
    ['frist skjut D3 91d', `”91d” är inget antal dagar; ange 1–90 dagar, t.ex. 3d. ${write(usage.deadlineSnooze)}`],
    ['frist skjut D3 2v', `”2v” är inget antal dagar; ange 1–90 dagar, t.ex. 3d. ${write(usage.deadlineSnooze)}`],
    [
      'utlysning ny x öppnar=01-01 stänger=02-01 url=www.utbyten.se',
      `”www.utbyten.se” är ingen webbadress; den ska börja med https:// eller http://. ${write(usage.callAdd)}`,
    ],
    [
      'utlysning ny x öppnar=01-01 stänger=02-01 url=ftp://utbyten.se',
      `”ftp://utbyten.se” är ingen webbadress; den ska börja med https:// eller http://. ${write(usage.callAdd)}`,
    ],
    ['besök ny E1 in 3 juni 7 juni deltagare=0', `”0” är inget antal; ange ett heltal större än 0. ${write(usage.visitAdd)}`],
    ['besök ny E1 in 3 juni 7 juni deltagare=fyra', `”fyra” är inget antal; ange ett heltal större än 0. ${write(usage.visitAdd)}`],
    ['årsrapport 1999', `”1999” är inget år mellan 2000 och 2100. ${write(usage.annual)}`],
    ['årsrapport 2101', `”2101” är inget år mellan 2000 och 2100. ${write(usage.annual)}`],
    ['årsrapport 26', `”26” är inget år mellan 2000 och 2100. ${write(usage.annual)}`],
    ['frist ny "x" 15 okt ägare=anna', `”anna” är ingen person; nämn personen (@namn) eller skriv e-postadressen. ${write(usage.deadlineAdd)}`],
    ['besök ny E1 ut 3 juni 7 juni ledare=anna@kommun', `”anna@kommun” är ingen giltig e-postadress. ${write(usage.visitAdd)}`],
    ['samarbete ny x typ=skola nämnd=ks kontakt=anna@', `”anna@” är ingen giltig e-postadress. ${write(usage.engagementAdd)}`],
  ];

  it.each(cases)('%s', (text, message) => {
    expect(errorText(text)).toBe(message);
  });
});

describe('in English', () => {
  it.each([
    ['deadline', '“deadline” is not a command by itself. Did you mean: deadline add, deadline done, deadline snooze?'],
    [
      'deadline add "x" 15 oct colour=red',
      'Unknown key “colour=”. Write it like this: deadline add "<title>" <date> [<time>] [engagement=<id>] [owner=<person>] [remind=30,14,7,1]',
    ],
    ['deadline done E12', 'E12 is an engagement id, but a deadline id is needed here (like D34). Write it like this: deadline done <id>'],
    [
      'visit add E1 sideways 3 jun 7 jun',
      '“sideways” is not a direction. Choose one of: out, in. Write it like this: visit add <engagement> <out|in> <from-date> <to-date> [place="…"] [lead=<person>] [participants=<n>]',
    ],
    [
      'engagement end E1 2026-02-30 decision=x',
      '2026-02-30 does not exist in the calendar. Write it like this: engagement end <id> <date> decision="<reference>"',
    ],
    ['annual', 'Missing a year. Write it like this: annual <year> [committee=<id>]'],
  ])('%s', (text, message) => {
    expect(errorText(text, 'en')).toBe(message);
  });
});

describe('error values', () => {
  it('name the message by a catalog code and keep what was typed', () => {
    const result = parseCommand('frist klar E12', today);
    expect(result).toMatchObject({ ok: false, error: { code: 'parse.wrongIdKind', params: { value: 'E12' } } });
  });
});
