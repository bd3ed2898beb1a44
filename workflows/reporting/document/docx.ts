import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block } from './outline.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DocxOptions {
  readonly title: string;
  readonly language: 'sv-SE' | 'en-GB';
  /** The timeline chart, if the report has one. */
  readonly chart?: { readonly png: Uint8Array; readonly width: number; readonly height: number };
}

/** The report as a Word document (.docx), the format municipal case handling takes in. */
export async function renderDocx(blocks: readonly Block[], options: DocxOptions): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        children.push(new Paragraph({ heading: headingLevel(block.level), children: [run(block.text, options)] }));
        break;
      case 'paragraph':
        children.push(new Paragraph({ children: [run(block.text, options, { italics: block.note === true, color: block.note ? '555555' : undefined })], spacing: { after: 120 } }));
        break;
      case 'bullets':
        for (const item of block.items) children.push(new Paragraph({ bullet: { level: 0 }, children: [run(item, options)] }));
        break;
      case 'table':
        children.push(table(block.headers, block.rows, options));
        children.push(new Paragraph({ children: [] }));
        break;
      case 'chart':
        if (options.chart) children.push(chartParagraph(options.chart, block.alt, options));
        break;
    }
  }
  const doc = new Document({
    title: options.title,
    creator: 'Samverkan',
    description: options.title,
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: options.language } } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function run(text: string, options: DocxOptions, extra: { bold?: boolean; italics?: boolean; color?: string | undefined } = {}): TextRun {
  return new TextRun({ text, language: { value: options.language }, ...(extra.bold ? { bold: true } : {}), ...(extra.italics ? { italics: true } : {}), ...(extra.color ? { color: extra.color } : {}) });
}

function headingLevel(level: 1 | 2 | 3) {
  return level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[], options: DocxOptions): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' };
  // Borders and shading set once on the table and the header row: per-cell properties multiply
  // the document tree by the cell count, which is most of the time and memory of a big report.
  const cell = (text: string, header: boolean) =>
    new TableCell({
      children: [new Paragraph({ children: [header ? run(text, options, { bold: true }) : new TextRun(text)] })],
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7ECF3' } } : {}),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      // Repeated on every page, and read by screen readers as the header row.
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((text) => cell(text, false)) })),
    ],
  });
}

function chartParagraph(chart: NonNullable<DocxOptions['chart']>, alt: string, options: DocxOptions): Paragraph {
  // Fit the page's text width (about 16 cm = 600 px at 96 dpi), keeping the proportions.
  const width = 600;
  const height = Math.round((chart.height / chart.width) * width);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: 'png',
        data: chart.png,
        transformation: { width, height },
        altText: { name: 'timeline', title: alt, description: alt },
      }),
      new TextRun({ text: '', language: { value: options.language } }),
    ],
  });
}
