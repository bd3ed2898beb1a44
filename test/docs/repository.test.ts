import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envVariableNames } from '../../src/config/env.ts';

/** The repository stands alone: its documents link only inside it, and document what the code reads. */
const root = process.cwd();
const docs = ['README.md', ...readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|mjs)$/.test(name) && !name.includes('.test.') ? [full] : [];
  });
}

describe('the repository stands alone', () => {
  it('has an MIT LICENSE, as README and package.json say', () => {
    expect(readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { license: string }).license).toBe('MIT');
  });

  it.each(docs)('%s links only to files that exist in the repository', (doc) => {
    const text = readFileSync(path.join(root, doc), 'utf8');
    const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^(https?:|mailto:|#)/.test(t));
    for (const target of targets) {
      const file = path.resolve(path.dirname(path.join(root, doc)), target.split('#')[0]!);
      expect(path.relative(root, file).startsWith('..'), `${doc} links outside the repository: ${target}`).toBe(false);
      expect(existsSync(file), `${doc} links to a missing file: ${target}`).toBe(true);
    }
    expect(text, `${doc} names a path outside the repository`).not.toMatch(/\.\.\/shared/);
  });

  it('docs/operations.md lists every environment variable the code reads', () => {
    const operations = readFileSync(path.join(root, 'docs/operations.md'), 'utf8');
    const read = new Set<string>(envVariableNames);
    for (const file of ['src', 'adapters', 'db', 'workflows', 'manifest'].flatMap((d) => files(path.join(root, d)))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/process\.env\.([A-Za-z_][A-Za-z0-9_]*)|\benv(?:\?)?\.([A-Z][A-Z0-9_]+)\b|\bget\('([A-Z][A-Z0-9_]+)'\)|cleaned\.([A-Z][A-Z0-9_]+)/g)) {
        read.add((m[1] ?? m[2] ?? m[3] ?? m[4])!);
      }
    }
    expect(read.size).toBeGreaterThan(20);
    const missing = [...read].filter((name) => !operations.includes(`| \`${name}\``));
    expect(missing, 'add them to the environment reference in docs/operations.md').toEqual([]);
  });

  it('.gitignore covers what builds and local tools leave behind', () => {
    const ignored = readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n');
    for (const entry of ['node_modules/', 'dist/', 'build/', 'data/', 'devTools/']) expect(ignored).toContain(entry);
  });
});
