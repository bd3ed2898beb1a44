import type { Block } from './outline.ts';
import { coreProperties, numberingXml, packageParts, stylesXml } from './docx-parts.ts';
import { zipArchive, type ZipEntry } from './zip.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DocxOptions {
  readonly title: string;
  readonly language: 'sv-SE' | 'en-GB';
  /** The timeline chart, if the report has one. */
  readonly chart?: { readonly png: Uint8Array; readonly width: number; readonly height: number };
}

/**
 * The report as a Word document (.docx), the format municipal case handling takes in.
 *
 * The WordprocessingML is written straight from the blocks, as text: the report only needs
 * headings, paragraphs, bullets, tables and one picture. A document-object library builds an
 * object per run, paragraph, cell and property before serialising them, which for a large
 * municipality (2,000 engagements, some 100,000 table cells) took about 200 MB of heap for a
 * 250 KB file (docs/benchmarks.md); this takes a few times the size of the XML.
 */
export function renderDocx(blocks: readonly Block[], options: DocxOptions): Uint8Array {
  // The XML is encoded to UTF-8 a piece at a time: joined first, one en dash would make the
  // whole document a two-byte string, twice the size of the bytes it becomes.
  const body = new Utf8Chunks();
  body.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>`);
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        body.push(paragraph(block.text, { style: `Heading${block.level}` }));
        break;
      case 'paragraph':
        body.push(paragraph(block.text, { spacingAfter: 120, ...(block.note ? { italics: true, color: '555555' } : {}) }));
        break;
      case 'bullets':
        for (const item of block.items) body.push(paragraph(item, { bullet: true }));
        break;
      case 'table':
        table(block.headers, block.rows, body);
        body.push('<w:p/>');
        break;
      case 'chart':
        if (options.chart) body.push(picture(options.chart, block.alt));
        break;
    }
  }
  body.push(`${PAGE}</w:body></w:document>`);
  // Parts only: Word writes no entries for folders, and some readers trip over them.
  const xml = (name: string, text: string): ZipEntry => ({ name, data: Buffer.from(text, 'utf8') });
  return zipArchive([
    ...packageParts(options.chart !== undefined).map(([name, text]) => xml(name, text)),
    xml('word/styles.xml', stylesXml(options.language)),
    xml('word/numbering.xml', numberingXml),
    xml('docProps/core.xml', coreProperties(options.title)),
    { name: 'word/document.xml', data: body.bytes() },
    ...(options.chart ? [{ name: 'word/media/chart.png', data: options.chart.png }] : []),
  ]);
}

const NS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"',
].join(' ');

/** A4, 2.5 cm margins: the page most municipal documents use. */
const PAGE = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>';
/** The text width of that page, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1418;

/** Text pieces gathered as UTF-8 bytes. */
class Utf8Chunks {
  private readonly chunks: Buffer[] = [];
  push(text: string): void {
    this.chunks.push(Buffer.from(text, 'utf8'));
  }
  bytes(): Uint8Array {
    return Buffer.concat(this.chunks);
  }
}

interface ParagraphStyle {
  readonly style?: string;
  readonly bullet?: boolean;
  readonly spacingAfter?: number;
  readonly italics?: boolean;
  readonly bold?: boolean;
  readonly color?: string;
}

function paragraph(text: string, p: ParagraphStyle = {}): string {
  const props = [
    p.style ? `<w:pStyle w:val="${p.style}"/>` : '',
    p.bullet ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : '',
    p.spacingAfter !== undefined ? `<w:spacing w:after="${p.spacingAfter}"/>` : '',
  ].join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${run(text, p)}</w:p>`;
}

/** One run of text; line breaks typed in a summary stay line breaks. */
function run(text: string, p: Pick<ParagraphStyle, 'italics' | 'bold' | 'color'> = {}): string {
  const props = `${p.bold ? '<w:b/>' : ''}${p.italics ? '<w:i/>' : ''}${p.color ? `<w:color w:val="${p.color}"/>` : ''}`;
  const lines = text.split(/\r?\n/).map((line) => (/^\s|\s$/.test(line) ? `<w:t xml:space="preserve">${escapeXml(line)}</w:t>` : `<w:t>${escapeXml(line)}</w:t>`));
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${lines.join('<w:br/>')}</w:r>`;
}

/** A table, written row by row; the column widths are the grid's, so cells need none of their own. */
function table(headers: readonly string[], rows: readonly (readonly string[])[], out: Utf8Chunks): void {
  const line = 'w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"';
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${line}/>`).join('');
  const column = Math.floor(TEXT_WIDTH / Math.max(1, headers.length));
  const cell = (text: string, header: boolean) =>
    `<w:tc>${header ? '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E7ECF3"/></w:tcPr>' : ''}<w:p>${run(text, { bold: header })}</w:p></w:tc>`;
  out.push(
    `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${borders}</w:tblBorders><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>` +
      `<w:tblGrid>${headers.map(() => `<w:gridCol w:w="${column}"/>`).join('')}</w:tblGrid>` +
      // Repeated on every page, and read by screen readers as the header row.
      `<w:tr><w:trPr><w:tblHeader/></w:trPr>${headers.map((h) => cell(h, true)).join('')}</w:tr>`,
  );
  for (const row of rows) out.push(`<w:tr>${row.map((text) => cell(text, false)).join('')}</w:tr>`);
  out.push('</w:tbl>');
}

/** English Metric Units per pixel at 96 dpi. */
const EMU_PER_PX = 9525;

function picture(chart: NonNullable<DocxOptions['chart']>, alt: string): string {
  // Fit the page's text width (about 16 cm = 600 px at 96 dpi), keeping the proportions.
  const cx = 600 * EMU_PER_PX;
  const cy = Math.round((chart.height / chart.width) * 600) * EMU_PER_PX;
  const description = escapeXml(alt);
  return (
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing>' +
    `<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="1" name="timeline" title="${description}" descr="${description}"/>` +
    '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
    `<pic:nvPicPr><pic:cNvPr id="1" name="chart.png" descr="${description}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    '<pic:blipFill><a:blip r:embed="rIdChart"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>' +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'
  );
}

/** Text as XML character data; characters XML 1.0 cannot hold at all are left out. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
