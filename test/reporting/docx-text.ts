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

