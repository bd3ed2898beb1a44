import type { EngagementType } from '../../../src/core/command.ts';
import type { FileAttachment } from '../../../src/core/reply.ts';
import type { MessageKey } from '../../../src/i18n/index.ts';
import { timelinePng } from './chart.ts';
import { DOCX_MIME, renderDocx } from './docx.ts';
import { renderMarkdown } from './markdown.ts';
import { timelineRows, type AnnualReport } from './model.ts';
import { outline, reportTitle, type OutlineContext } from './outline.ts';

export { buildAnnualReport, type AnnualReport, type ReportInput } from './model.ts';

/**
 * The report's files: the Word document (with the chart inside), the Markdown, and the chart alone
 * for the Markdown to show. Rendered in a worker thread (src/render), never on the event loop.
 */
export async function reportFiles(report: AnnualReport, c: OutlineContext): Promise<FileAttachment[]> {
  const base = `${c.t('reporting.file.base')}-${report.year}${report.onlyCommittee ? `-${report.onlyCommittee}` : ''}`;
  const blocks = outline(report, c);
  const rows = timelineRows(report);
  const png = rows.length ? await timelinePng(rows, report.year, chartTexts(report, c)) : undefined;
  const chartName = `${base}-tidslinje.png`;
  const docx = renderDocx(blocks, {
    title: reportTitle(report, c),
    language: c.locale === 'sv' ? 'sv-SE' : 'en-GB',
    ...(png ? { chart: { png, ...pngSize(png) } } : {}),
  });
  const files: FileAttachment[] = [
    { name: `${base}.docx`, mimeType: DOCX_MIME, data: docx },
    { name: `${base}.md`, mimeType: 'text/markdown; charset=utf-8', data: new TextEncoder().encode(renderMarkdown(blocks, png ? chartName : undefined)) },
  ];
  if (png) files.push({ name: chartName, mimeType: 'image/png', data: png });
  return files;
}

function chartTexts(report: AnnualReport, c: OutlineContext) {
  return {
    title: c.t('reporting.chart.title', { year: report.year }),
    months: c.t('reporting.chart.months').split(','),
    legendVisitOut: c.t('reporting.chart.visitOut'),
    legendVisitIn: c.t('reporting.chart.visitIn'),
    typeLabel: (type: EngagementType) => c.t(`engagement.type.${type}` as MessageKey),
    truncated: (shown: number, total: number) => c.t('reporting.chart.truncated', { shown, total }),
  };
}

/** Width and height from the PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
