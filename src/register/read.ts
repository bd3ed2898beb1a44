import ExcelJS from 'exceljs';
import type { CommandName, LocalDate } from '../core/command.ts';
import { readValue } from '../commands/read-value.ts';
import type { FlagSpec, KeySpec, PositionalSpec, ValueKind } from '../commands/spec-types.ts';
import { specFor } from '../commands/specs.ts';
import { resolveDate, type PartialDate } from '../commands/values/dates.ts';
import { translator, type Locale } from '../i18n/index.ts';
import type { ReadRow, RefusedCell, RegisterKind, RegisterRead } from '../../workflows/register/ports.ts';

export type { ReadRow, RefusedCell, RegisterKind, RegisterRead };

/*
 * The register reader (composition side: it reuses the command language's value readers): a workbook (.xlsx, one sheet per kind) or a CSV of one kind, read into
 * rows checked by the same value readers the commands and forms use. Pure and plain data in and
 * out, so it runs in the render worker pool (src/render/jobs.ts), off the event loop.
 */


/** Each kind: the command that adds one (its keys are the columns) and the list command (its words name the sheet). */
const kinds: Record<RegisterKind, { add: CommandName; list: CommandName }> = {
  engagements: { add: 'engagement.add', list: 'engagements' },
  calls: { add: 'call.add', list: 'calls' },
  deadlines: { add: 'deadline.add', list: 'deadlines' },
  visits: { add: 'visit.add', list: 'visits' },
};

/** Positionals have no key words in the command table; their column names, Swedish and English. */
const positionalWords: Record<string, string> = {
  title: 'titel',
  name: 'namn',
  date: 'datum',
  time: 'tid',
  engagement: 'samarbete',
  direction: 'riktning',
  from: 'från',
  to: 'till',
};

export interface RegisterColumn {
  readonly arg: string;
  readonly en: string;
  readonly sv: string;
  readonly value?: ValueKind;
  readonly required: boolean;
  readonly after?: string;
}

export function registerColumns(kind: RegisterKind): RegisterColumn[] {
  const spec = specFor(kinds[kind].add);
  const id: RegisterColumn = { arg: 'id', en: 'id', sv: 'id', required: false };
  const positional = (p: PositionalSpec): RegisterColumn => ({
    arg: p.arg,
    en: p.arg,
    sv: positionalWords[p.arg] ?? p.arg,
    value: p.value,
    required: !p.optional,
    after: p.value.type === 'date' ? p.value.after : undefined,
  });
  const key = (k: KeySpec): RegisterColumn => ({
    arg: k.arg,
    en: k.en,
    sv: k.sv,
    value: k.value,
    required: k.required ?? false,
    after: k.value.type === 'date' ? k.value.after : undefined,
  });
  const flag = (f: FlagSpec): RegisterColumn => ({ arg: f.arg, en: f.en, sv: f.sv, required: false });
  return [id, ...spec.positionals.map(positional), ...spec.keys.map(key), ...spec.flags.map(flag)];
}

export function sheetName(kind: RegisterKind, locale: Locale): string {
  return specFor(kinds[kind].list).words[locale].join(' ');
}

export interface RegisterReadJob {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly locale: Locale;
  /** A date without a year is the next one on or after this (as when typed). */
  readonly today: LocalDate;
}

type Table = { kind: RegisterKind; header: string[]; lines: string[][] };

export async function readRegister(job: RegisterReadJob): Promise<RegisterRead> {
  const t = translator(job.locale);
  const tables = /\.xlsx$/i.test(job.fileName) ? await xlsxTables(job.bytes) : csvTable(job.bytes);
  const read: RegisterRead = { rows: [], refused: [] };
  if (tables.length === 0) {
    read.refused.push({ kind: 'engagements', row: 1, column: '', reason: t('register.error.noSheet') });
  }
  for (const table of tables) readTable(table, job, read);
  return read;
}

function readTable(table: Table, job: RegisterReadJob, read: RegisterRead): void {
  const t = translator(job.locale);
  const columns = registerColumns(table.kind);
  const byHeader = table.header.map((h) => findColumn(columns, h));
  table.header.forEach((h, i) => {
    if (h.trim() !== '' && !byHeader[i]) read.refused.push({ kind: table.kind, row: 1, column: h, reason: t('register.error.unknownColumn', { column: h }) });
  });
  table.lines.forEach((line, index) => {
    const row = index + 2;
    if (line.every((cell) => cell.trim() === '')) return;
    const values: Record<string, unknown> = {};
    const partials = new Map<string, PartialDate>();
    const refused: RefusedCell[] = [];
    const named = (c: RegisterColumn) => (job.locale === 'sv' ? c.sv : c.en);
    line.forEach((cell, i) => {
      const column = byHeader[i];
      const text = cell.trim();
      if (!column || text === '') return;
      if (!column.value) {
        values[column.arg] = column.arg === 'id' ? text : /^(ja|yes|true|x|1)$/i.test(text);
        return;
      }
      const result = readValue(column.value, text, { t, locale: job.locale });
      if (!result.ok) {
        refused.push({ row, column: named(column), reason: t(result.code, { ...result.params, usage: named(column) }) });
      } else if (column.value.type === 'date') partials.set(column.arg, result.value as PartialDate);
      else values[column.arg] = result.value;
    });
    for (const column of columns) {
      if (column.required && !(column.arg in values) && !partials.has(column.arg) && !refused.some((r) => r.column === named(column))) {
        refused.push({ row, column: named(column), reason: t('register.error.missing', { column: named(column) }) });
      }
    }
    // Dates last, in table order, as the command binder does: a to-date without a year follows its from-date.
    for (const column of columns) {
      const partial = partials.get(column.arg);
      if (!partial) continue;
      const after = column.after ? (values[column.after] as LocalDate | undefined) : undefined;
      const date = resolveDate(partial, after ?? job.today);
      if (after !== undefined && date < after) refused.push({ row, column: named(column), reason: t('parse.dateOrder', { from: after, to: date }) });
      values[column.arg] = date;
    }
    if (refused.length > 0) read.refused.push(...refused.map((r) => ({ ...r, kind: table.kind })));
    else read.rows.push({ kind: table.kind, row, values });
  });
}

function findColumn(columns: readonly RegisterColumn[], header: string): RegisterColumn | undefined {
  const h = header.trim().toLowerCase();
  return columns.find((c) => c.en.toLowerCase() === h || c.sv.toLowerCase() === h);
}

function kindOfSheet(name: string): RegisterKind | undefined {
  const n = name.trim().toLowerCase();
  return (Object.keys(kinds) as RegisterKind[]).find((k) => sheetName(k, 'sv').toLowerCase() === n || sheetName(k, 'en').toLowerCase() === n);
}

/** A CSV holds one kind: the one whose columns its header names most of. */
function kindOfHeader(header: readonly string[]): RegisterKind | undefined {
  let best: { kind: RegisterKind; score: number } | undefined;
  for (const kind of Object.keys(kinds) as RegisterKind[]) {
    const columns = registerColumns(kind);
    const score = header.filter((h) => findColumn(columns, h) && h.trim().toLowerCase() !== 'id').length;
    if (score > 0 && (!best || score > best.score)) best = { kind, score };
  }
  return best?.kind;
}

async function xlsxTables(bytes: Uint8Array): Promise<Table[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const tables: Table[] = [];
  workbook.eachSheet((sheet) => {
    const kind = kindOfSheet(sheet.name);
    if (!kind) return;
    const width = sheet.columnCount;
    const lines: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (r, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellText(r.getCell(c).value));
      lines[n - 1] = cells;
    });
    const [header = [], ...rest] = Array.from(lines, (l) => l ?? []);
    tables.push({ kind, header, lines: rest });
  });
  return tables;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((p) => p.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/** UTF-8 with or without a BOM, else Excel's Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function csvTable(bytes: Uint8Array): Table[] {
  const text = decodeText(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = count(firstLine, ';') >= count(firstLine, ',') ? ';' : ',';
  const [header = [], ...lines] = parseCsv(text, separator);
  const kind = kindOfHeader(header);
  return kind ? [{ kind, header, lines }] : [];
}

function count(text: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}
