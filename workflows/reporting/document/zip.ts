import { crc32, deflateRawSync } from 'node:zlib';

/** One file in a ZIP archive. */
export interface ZipEntry {
  /** The path inside the archive, with forward slashes. */
  readonly name: string;
  readonly data: Uint8Array;
}

// Every entry carries 1980-01-01 00:00, the earliest DOS date: the same report gives the same
// bytes, and no reader of a Word package looks at the dates of its parts.
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;
const UTF8_NAMES = 0x0800;
const VERSION = 20;
const DEFLATE = 8;
const STORE = 0;

/**
 * A ZIP archive of `entries`, in order (a Word package's `[Content_Types].xml` first), deflated
 * with Node's own zlib. The JavaScript deflate in JSZip took some 70 ms of a large municipality's
 * annual report for a 4 MB document part; zlib takes about 10 (docs/benchmarks.md). Classic
 * ZIP only (APPNOTE 6.3, no ZIP64): every part and the whole archive stay far below 4 GiB.
 */
export function zipArchive(entries: readonly ZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.data);
    // Data that does not shrink (already compressed, or tiny) is stored as it is, as zip tools do.
    const packed = deflated && deflated.byteLength < entry.data.byteLength ? deflated : undefined;
    const body = packed ?? entry.data;
    const fields = {
      method: packed ? DEFLATE : STORE,
      crc: crc32(entry.data),
      compressed: body.byteLength,
      size: entry.data.byteLength,
    };
    if (offset + 30 + name.byteLength + body.byteLength > 0xffff_ffff) throw new RangeError('zipArchive: the archive would need ZIP64');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(fields.method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(fields.crc, 14);
    local.writeUInt32LE(fields.compressed, 18);
    local.writeUInt32LE(fields.size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, name, body);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(fields.method, 10);
    header.writeUInt16LE(DOS_TIME, 12);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(fields.crc, 16);
    header.writeUInt32LE(fields.compressed, 20);
    header.writeUInt32LE(fields.size, 24);
    header.writeUInt16LE(name.byteLength, 28);
    // Extra field, comment, disk number, internal and external attributes: none.
    header.writeUInt32LE(offset, 42);
    central.push(header, name);

    offset += local.byteLength + name.byteLength + body.byteLength;
  }
  const directorySize = central.reduce((sum, part) => sum + part.byteLength, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
