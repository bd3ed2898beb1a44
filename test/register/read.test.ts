import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { createRenderPool } from '../../src/render/pool.ts';

/*
 * Issue 14, point 1: the register reader, run as the render pool's `register-read` job (a worker
 * thread, as the import will run it). The chat and CLI paths that feed it are not built yet.
 */
const silent = { info() {}, warn() {}, error() {}, debug() {}, child() { return silent; } } as never;
const pool = createRenderPool({ threads: 1, timeoutMs: 30_000, log: silent });
afterAll(() => pool.close());
const today = '2026-12-02';

describe('register reader', () => {
  it('reads a Windows-1252 CSV with ; and Swedish headers, refusing a bad row with row, column and reason', async () => {
    const text = 'titel;typ;nämnd;land;start;slut\r\nVänort Åbo;vänort;KFN;FI;2026-01-15;2026-12-31\r\nSkolutbyte;okänd;UN;SE;2026-02-01;2026-01-01\r\n';
    const bytes = new Uint8Array([...text].map((c) => ({ 'ä': 0xe4, 'å': 0xe5, 'Å': 0xc5 })[c] ?? c.charCodeAt(0)));
    const read = await pool.run('register-read', { fileName: 'samarbeten.csv', bytes, locale: 'sv', today });
    expect(read.rows).toHaveLength(1);
    // Committee ids are lower case in the configuration: KFN as written in the sheet is kfn.
    expect(read.rows[0]).toMatchObject({ kind: 'engagements', row: 2, values: { title: 'Vänort Åbo', committee: 'kfn', start: '2026-01-15', end: '2026-12-31' } });
    expect(read.refused.map((r) => [r.row, r.column])).toEqual([
      [3, 'typ'],
      [3, 'slut'],
    ]);
    expect(read.refused[0]?.reason).toContain('”okänd”');
    expect(read.refused[1]?.reason).toContain('ligger före');
  });

  it('reads UTF-8 with a BOM and , with English headers, answering in English', async () => {
    const text = '\uFEFFtitle,date,owner\n"Report, final",2027-03-01,@anna\nNo date,,\n';
    const read = await pool.run('register-read', { fileName: 'deadlines.csv', bytes: new TextEncoder().encode(text), locale: 'en', today });
    expect(read.rows).toEqual([{ kind: 'deadlines', row: 2, values: expect.objectContaining({ title: 'Report, final', date: '2027-03-01' }) }]);
    expect(read.refused).toEqual([{ kind: 'deadlines', row: 3, column: 'date', reason: 'The column date must be filled in.' }]);
  });

  it('reads an .xlsx with one sheet per kind, real dates included, and names an unknown column', async () => {
    const workbook = new ExcelJS.Workbook();
    const visits = workbook.addWorksheet('besök');
    visits.addRow(['samarbete', 'riktning', 'från', 'till', 'deltagare', 'färg']);
    visits.addRow(['E1', 'ut', new Date(Date.UTC(2027, 4, 3)), new Date(Date.UTC(2027, 4, 7)), 4, 'blå']);
    const calls = workbook.addWorksheet('utlysningar');
    calls.addRow(['namn', 'öppnar', 'stänger', 'årlig']);
    calls.addRow(['Erasmus+', '02-01', '03-15', 'ja']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await pool.run('register-read', { fileName: 'register.xlsx', bytes, locale: 'sv', today });
    expect(read.rows.map((r) => [r.kind, r.row])).toEqual([
      ['visits', 2],
      ['calls', 2],
    ]);
    expect(read.rows[0]?.values).toMatchObject({ from: '2027-05-03', to: '2027-05-07', participants: 4 });
    expect(read.rows[1]?.values).toMatchObject({ name: 'Erasmus+', opens: '02-01', closes: '03-15', yearly: true });
    expect(read.refused).toEqual([{ kind: 'visits', row: 1, column: 'färg', reason: 'Kolumnen ”färg” känner registret inte till.' }]);
  });
});
