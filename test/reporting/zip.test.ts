import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipArchive } from '../../workflows/reporting/document/zip.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('the ZIP archive a Word document is packed in', () => {
  it('is read back by another ZIP reader, checksums checked, every part byte for byte and in order', async () => {
    const xml = `<w:t>Vänort Cēsis – ${'återrapport '.repeat(20_000)}</w:t>`;
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
    const entries = [
      { name: '[Content_Types].xml', data: utf8('<Types/>') },
      { name: 'word/document.xml', data: utf8(xml) },
      { name: 'word/media/chart.bin', data: noise },
      { name: 'docProps/empty.xml', data: new Uint8Array(0) },
    ];
    const archive = zipArchive(entries);
    const read = await JSZip.loadAsync(archive, { checkCRC32: true });
    expect(Object.keys(read.files)).toEqual(entries.map((e) => e.name));
    for (const entry of entries) expect(await read.file(entry.name)!.async('uint8array'), entry.name).toEqual(entry.data);
    // The repetitive XML is deflated: the archive is a small part of it.
    expect(archive.byteLength).toBeLessThan(utf8(xml).byteLength / 20);
  });

  it('stores data that does not shrink instead of growing it', async () => {
    const random = Uint8Array.from({ length: 10_000 }, () => Math.floor(Math.random() * 256));
    const archive = zipArchive([{ name: 'random.bin', data: random }]);
    // The local header (30 bytes + name), the data as it is, the central directory and its end.
    expect(archive.byteLength).toBe(30 + 10 + random.byteLength + 46 + 10 + 22);
    expect(await (await JSZip.loadAsync(archive, { checkCRC32: true })).file('random.bin')!.async('uint8array')).toEqual(random);
  });

  it('gives the same bytes for the same parts, so the same report is the same file', () => {
    const parts = () => [{ name: 'a.xml', data: utf8('<a>å</a>') }];
    expect(Buffer.from(zipArchive(parts())).equals(Buffer.from(zipArchive(parts())))).toBe(true);
  });
});
