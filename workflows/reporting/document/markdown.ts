import type { Block } from './outline.ts';

/** The report as Markdown: for the intranet, an e-mail, or a diff between years. */
export function renderMarkdown(blocks: readonly Block[], chartFile: string | undefined): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(`${'#'.repeat(block.level)} ${inline(block.text)}`);
        break;
      case 'paragraph':
        out.push(block.note ? `_${inline(block.text)}_` : inline(block.text));
        break;
      case 'bullets':
        out.push(block.items.map((item) => `- ${inline(item)}`).join('\n'));
        break;
      case 'table':
        out.push(
          [
            row(block.headers),
            row(block.headers.map(() => '---')),
            ...block.rows.map((r) => row(r)),
          ].join('\n'),
        );
        break;
      case 'chart':
        if (chartFile) out.push(`![${inline(block.alt)}](${chartFile})`);
        break;
    }
  }
  return `${out.join('\n\n')}\n`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => inline(c).replace(/\|/g, '\\|')).join(' | ')} |`;
}

/** Text typed by people must not turn into Markdown structure (headings, lists, links). */
function inline(text: string): string {
  return text.replace(/\r?\n+/g, ' ').replace(/([\\`*_[\]<>#])/g, '\\$1');
}
