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
    const packed = deflated.byteLength < entry.data.byteLength ? deflated : undefined;
    const body = packed ?? entry.data;
    const fields: EntryFields = {
      method: packed ? DEFLATE : STORE,
      crc: crc32(entry.data),
      compressed: body.byteLength,
      size: entry.data.byteLength,
      nameLength: name.byteLength,
    };
    if (offset + 30 + name.byteLength + body.byteLength > 0xffff_ffff) throw new RangeError('zipArchive: the archive would need ZIP64');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, fields);
    chunks.push(local, name, body);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(VERSION, 4); // made by: MS-DOS attributes, the classic ZIP version
    writeEntryFields(header, 6, fields);
    // Comment, disk number, internal and external attributes: none.
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

interface EntryFields {
  readonly method: number;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
  readonly nameLength: number;
}

/**
 * The 26 bytes both headers of an entry share, in the same order: the local header has them at 4,
 * the central directory's at 6 (version needed to extract through the extra field's length).
 */
function writeEntryFields(header: Buffer, at: number, f: EntryFields): void {
  header.writeUInt16LE(VERSION, at);
  header.writeUInt16LE(UTF8_NAMES, at + 2);
  header.writeUInt16LE(f.method, at + 4);
  header.writeUInt16LE(DOS_TIME, at + 6);
  header.writeUInt16LE(DOS_DATE, at + 8);
  header.writeUInt32LE(f.crc, at + 10);
  header.writeUInt32LE(f.compressed, at + 14);
  header.writeUInt32LE(f.size, at + 18);
  header.writeUInt16LE(f.nameLength, at + 22);
  header.writeUInt16LE(0, at + 24); // no extra field
}
