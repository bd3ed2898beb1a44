import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The import filter each LibreOffice module brings, next to the soffice program (Debian's layout). */
const filters = { calc: 'libsclo.so', writer: 'libmswordlo.so' } as const;

/**
 * Converts a document the way a person's office suite would read it: LibreOffice, headless, to
 * `to` (a --convert-to target, e.g. `csv:…` or `txt:…`), and returns the converted text. A reader
 * that is neither ours nor a library's. Undefined when LibreOffice or the module is not installed:
 * optional on a developer's machine; CI installs Calc and Writer (.ci/run).
 */
export function convertInLibreOffice(data: Uint8Array, name: string, module: keyof typeof filters, to: string): string | undefined {
  let program: string;
  try {
    program = realpathSync(execFileSync('which', ['soffice'], { encoding: 'utf8' }).trim());
  } catch {
    return undefined;
  }
  if (!existsSync(join(dirname(program), filters[module]))) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-lo-'));
  try {
    writeFileSync(join(dir, name), data);
    execFileSync(program, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', dir, join(dir, name)], { stdio: 'ignore', timeout: 60_000 });
    const extension = to.split(':')[0] ?? to;
    return readFileSync(join(dir, name.replace(/\.[^.]+$/, `.${extension}`)), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
