import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import * as PImage from 'pureimage';
import type { EngagementType } from '../../../src/core/command.ts';
import type { TimelineRow } from './model.ts';

/** Rows beyond this are summarised in a note: a chart of 2,000 bars helps nobody. */
export const MAX_CHART_ROWS = 40;

const WIDTH = 1400;
const LABEL_WIDTH = 430;
const ROW_HEIGHT = 30;
const TOP = 90;
const RIGHT = 30;
const FONT = 'DejaVuSans';

const typeColour: Record<EngagementType, string> = {
  'twin-town': '#1f5f99',
  partnership: '#2e7d32',
  'eu-project': '#283593',
  nordplus: '#b35a00',
  school: '#7b1fa2',
  'culture-sport': '#c2185b',
  business: '#00838f',
  network: '#5d4037',
  'study-visit': '#6d6d00',
  other: '#616161',
};

export interface ChartTexts {
  readonly title: string;
  /** Twelve short month names. */
  readonly months: readonly string[];
  readonly legendVisitOut: string;
  readonly legendVisitIn: string;
  readonly typeLabel: (type: EngagementType) => string;
  /** Shown when rows were left out, e.g. "40 of 2,000 shown". */
  readonly truncated: (shown: number, total: number) => string;
}

let fontLoaded = false;
function ensureFont(): void {
  if (fontLoaded) return;
  // A TrueType font shipped in an npm package, so the chart looks the same on every server.
  const path = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
  PImage.registerFont(path, FONT).loadSync();
  fontLoaded = true;
}

/** Draws the year's engagements as bars and their visits as marks; returns a PNG. */
export async function timelinePng(rows: readonly TimelineRow[], year: number, texts: ChartTexts): Promise<Uint8Array> {
  ensureFont();
  const shown = rows.slice(0, MAX_CHART_ROWS);
  const types = [...new Set(shown.map((r) => r.type))];
  const legendRows = Math.ceil((types.length + 2) / 4);
  const height = TOP + shown.length * ROW_HEIGHT + 30 + legendRows * 26 + (rows.length > shown.length ? 26 : 0) + 10;
  const img = PImage.make(WIDTH, height);
  // White, opaque: set the bytes directly, a full-size fillRect costs a pass of compositing.
  img.data.fill(255);
  const g = img.getContext('2d');

  const daysInYear = isLeap(year) ? 366 : 365;
  const plotLeft = LABEL_WIDTH;
  const plotWidth = WIDTH - LABEL_WIDTH - RIGHT;
  const x = (day: number) => plotLeft + (day / daysInYear) * plotWidth;

  g.fillStyle = '#111111';
  g.font = `22pt ${FONT}`;
  g.fillText(texts.title, 20, 36);

  // Month grid and names.
  g.font = `12pt ${FONT}`;
  const monthStarts = monthStartDays(year);
  for (let m = 0; m < 12; m++) {
    const left = x(monthStarts[m] ?? 0);
    g.fillStyle = m % 2 === 0 ? '#f3f5f8' : '#ffffff';
    g.fillRect(left, TOP - 8, x(monthStarts[m + 1] ?? daysInYear) - left, shown.length * ROW_HEIGHT + 8);
    g.fillStyle = '#333333';
    g.fillText(texts.months[m] ?? '', left + 6, TOP - 16);
  }

  g.font = `12pt ${FONT}`;
  shown.forEach((row, i) => {
    const top = TOP + i * ROW_HEIGHT;
    g.fillStyle = '#222222';
    g.fillText(fit(g, row.label, LABEL_WIDTH - 30), 20, top + 19);
    g.fillStyle = typeColour[row.type];
    const left = x(row.from);
    const right = Math.max(x(row.to + 1), left + 3);
    g.fillRect(left, top + 7, right - left, 14);
    for (const visit of row.visits) {
      const vl = x(visit.from);
      const vr = Math.max(x(visit.to + 1), vl + 6);
      g.fillStyle = '#ffffff';
      g.fillRect(vl - 2, top + 3, vr - vl + 4, 22);
      g.fillStyle = visit.direction === 'out' ? '#d32f2f' : '#f9a825';
      g.fillRect(vl, top + 5, vr - vl, 18);
    }
  });

  // Legend: kinds shown, then the two kinds of visit.
  let lx = 20;
  let ly = TOP + shown.length * ROW_HEIGHT + 34;
  const entries: { colour: string; label: string }[] = [
    ...types.map((type) => ({ colour: typeColour[type], label: texts.typeLabel(type) })),
    { colour: '#d32f2f', label: texts.legendVisitOut },
    { colour: '#f9a825', label: texts.legendVisitIn },
  ];
  entries.forEach((entry, i) => {
    if (i > 0 && i % 4 === 0) {
      lx = 20;
      ly += 26;
    }
    g.fillStyle = entry.colour;
    g.fillRect(lx, ly - 13, 16, 16);
    g.fillStyle = '#222222';
    g.fillText(entry.label, lx + 24, ly);
    lx += 340;
  });
  if (rows.length > shown.length) {
    g.fillStyle = '#444444';
    g.fillText(texts.truncated(shown.length, rows.length), 20, ly + 30);
  }
  return encode(img);
}

/**
 * The bitmap as an opaque RGB PNG. pureimage's own encoder goes through pngjs, which copies the
 * RGBA bitmap twice before compressing it; the chart has no transparency, so its rows are
 * written as RGB straight into the one buffer zlib compresses (a third of the peak memory).
 */
function encode(img: ReturnType<typeof PImage.make>): Uint8Array {
  const { width, height, data } = img;
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    // Filter byte 0 (none) first, then the pixels without their alpha.
    let out = y * stride + 1;
    for (let i = y * width * 4, end = i + width * 4; i < end; i += 4) {
      raw[out++] = data[i] ?? 0;
      raw[out++] = data[i + 1] ?? 0;
      raw[out++] = data[i + 2] ?? 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, truecolour, deflate, adaptive filtering, no interlace
  const png = Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw, { level: 6 })), pngChunk('IEND', Buffer.alloc(0))]);
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

function fit(g: { measureText(text: string): { width: number } }, text: string, width: number): string {
  const full = g.measureText(text).width;
  if (full <= width) return text;
  // Guess from the average glyph width, then correct by a few characters: measuring is slow.
  let cut = text.slice(0, Math.max(1, Math.floor((text.length * width) / full) - 1));
  while (cut.length > 1 && g.measureText(`${cut}…`).width > width) cut = cut.slice(0, -2);
  return `${cut.trimEnd()}…`;
}

function monthStartDays(year: number): number[] {
  const starts: number[] = [];
  for (let m = 0; m < 12; m++) starts.push(Math.round((Date.UTC(year, m, 1) - Date.UTC(year, 0, 1)) / 86_400_000));
  return starts;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
