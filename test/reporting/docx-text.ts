import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';

/** Opens a .docx the way Word would start to: as a zip with a main document part; returns its text and parts. */
export async function openDocx(data: Uint8Array): Promise<{ text: string; paragraphs: string[]; media: Uint8Array[]; parts: string[] }> {
  const zip = await JSZip.loadAsync(data);
  const parts = Object.keys(zip.files);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('no word/document.xml: not a Word document');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join(''),
  );
  const media = await Promise.all(parts.filter((p) => p.startsWith('word/media/')).map((p) => zip.file(p)!.async('uint8array')));
  return { text: paragraphs.join('\n'), paragraphs, media, parts };
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/**
 * The document's text as LibreOffice Writer reads it (converted headless to plain text): a Word
 * reader that is not ours and not a ZIP library's. Undefined when LibreOffice or its Word filter
 * is not installed (optional on a developer's machine; CI installs both, .ci/run).
 */
export function textInLibreOffice(data: Uint8Array, name: string): string | undefined {
  let program: string;
  try {
    program = realpathSync(execFileSync('which', ['soffice'], { encoding: 'utf8' }).trim());
  } catch {
    return undefined;
  }
  if (!existsSync(join(dirname(program), 'libmswordlo.so'))) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-lo-'));
  try {
    writeFileSync(join(dir, name), data);
    execFileSync(program, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, join(dir, name)], { stdio: 'ignore', timeout: 60_000 });
    return readFileSync(join(dir, name.replace(/\.docx$/, '.txt')), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
