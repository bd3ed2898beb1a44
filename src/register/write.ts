import ExcelJS from 'exceljs';
import type { Actor } from '../core/actor.ts';
import { idLabel } from '../core/format.ts';
import { choiceSets } from '../commands/choices.ts';
import { translator, type Locale } from '../i18n/index.ts';
import type { RegisterSnapshot } from '../../workflows/register/ports.ts';
import { registerColumns, sheetName, type RegisterKind } from './read.ts';

/*
 * The register export: one sheet per kind, the columns the import reads (so the file re-imports
 * unchanged), headers in the municipality's language, dates as real dates. Pure and plain data in
 * and out: it runs in the render pool (src/render/jobs.ts).
 */

type Cell = string | number | Date | undefined;
type RowOf = (arg: string) => Cell;

export async function writeRegister(snapshot: RegisterSnapshot, locale: Locale): Promise<Uint8Array> {
  const t = translator(locale);
  const yes = t('register.export.yes');
  const no = t('register.export.no');
  const choice = (set: 'type' | 'direction', value: string) => {
    const option = (choiceSets[set].options as readonly { value: string; sv: string }[]).find((o) => o.value === value);
    return locale === 'sv' ? (option?.sv ?? value) : value;
  };
  const sheets: Record<RegisterKind, RowOf[]> = {
    engagements: snapshot.engagements.map((e) => (arg) => {
      switch (arg) {
        case 'id': return idLabel.engagement(e.id);
        case 'title': return e.title;
        case 'type': return choice('type', e.type);
        case 'committee': return e.committeeId;
        case 'partner': return e.partner;
        case 'country': return e.country;
        case 'funder': return e.funder;
        case 'start': return dateCell(e.startDate);
        case 'end': return dateCell(e.endDate);
        default: return undefined;
      }
    }),
    calls: snapshot.calls.map((c) => (arg) => {
      switch (arg) {
        case 'id': return idLabel.call(c.id);
        case 'name': return c.name;
        case 'opens': return c.opens;
        case 'closes': return c.closes;
        case 'funder': return c.funder;
        case 'url': return c.url;
        case 'yearly': return c.yearly ? yes : no;
        default: return undefined;
      }
    }),
    deadlines: snapshot.deadlines.map((d) => (arg) => {
      switch (arg) {
        case 'id': return idLabel.deadline(d.id);
        case 'title': return d.title;
        case 'date': return dateCell(d.dueDate);
        case 'time': return d.dueTime;
        case 'engagement': return d.engagementId === undefined ? undefined : idLabel.engagement(d.engagementId);
        case 'owner': return personCell(d.owner);
        case 'remind': return d.remindDays.join(',');
        default: return undefined;
      }
    }),
    visits: snapshot.visits.map((v) => (arg) => {
      switch (arg) {
        case 'id': return idLabel.visit(v.id);
        case 'engagement': return idLabel.engagement(v.engagementId);
        case 'direction': return choice('direction', v.direction);
        case 'from': return dateCell(v.fromDate);
        case 'to': return dateCell(v.toDate);
        case 'place': return v.place;
        case 'lead': return personCell(v.lead);
        case 'participants': return v.participants;
        default: return undefined;
      }
    }),
  };
  return workbookOf(sheets, locale);
}

/** Builds the workbook: one sheet per kind, the import's columns, headers in `locale`, dates as dates. */
async function workbookOf(sheets: Record<RegisterKind, RowOf[]>, locale: Locale): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samverkan';
  for (const kind of Object.keys(sheets) as RegisterKind[]) {
    const columns = registerColumns(kind);
    const sheet = workbook.addWorksheet(sheetName(kind, locale), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({
      header: locale === 'sv' ? c.sv : c.en,
      key: c.arg,
      width: c.value?.type === 'date' ? 12 : c.arg === 'id' ? 8 : 24,
      style: c.value?.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const rowOf of sheets[kind]) sheet.addRow(Object.fromEntries(columns.map((c) => [c.arg, rowOf(c.arg)])));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The import template: the same sheets and columns with one example row each, for a new row (no
 * id). `committee` is one of the municipality's committee ids, so the example is a valid row.
 */
export async function writeTemplate(locale: Locale, committee: string, today: string): Promise<Uint8Array> {
  const sv = locale === 'sv';
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const inDays = (n: number) => new Date(Date.UTC(y, m - 1, d + n));
  const example = (values: Record<string, Cell>): RowOf => (arg) => values[arg];
  return workbookOf(
    {
      engagements: [example({ title: sv ? 'Vänort Exempelstad' : 'Twin town Example City', type: sv ? 'vänort' : 'twin-town', committee, partner: sv ? 'Exempelstad' : 'Example City', country: 'DK', start: inDays(0) })],
      calls: [example({ name: 'Nordplus Junior', opens: '12-01', closes: '02-01', funder: 'Nordplus', yearly: sv ? 'ja' : 'yes' })],
      deadlines: [example({ title: sv ? 'Slutrapport till finansiären' : 'Final report to the funder', date: inDays(60), remind: '14,7,1' })],
      visits: [example({ engagement: 'E1', direction: sv ? 'ut' : 'out', from: inDays(30), to: inDays(33), place: sv ? 'Exempelstad' : 'Example City', participants: 4 })],
    },
    locale,
  );
}

/** A calendar day as Excel's date: midnight UTC, which exceljs writes as the day's serial number. */
function dateCell(day: string | undefined): Date | undefined {
  if (!day) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** As the import reads a person: the e-mail address, else `@name` as typed; never a platform's mention markup. */
function personCell(person: Actor): string | undefined {
  if (person.email) return person.email;
  return person.name ? `@${person.name}` : undefined;
}
