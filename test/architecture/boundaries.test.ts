import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * House rule: workflows are platform- and storage-free. They may import only src/core,
 * src/calendar and their own files; never adapters/, db/, src/config, src/scheduler, Slack,
 * botbuilder or kysely. This fails the build when one does.
 */
const forbidden = [
  { pattern: /^@slack\//, why: 'Slack SDK' },
  { pattern: /^botbuilder/, why: 'Bot Framework SDK' },
  { pattern: /^kysely/, why: 'the query builder' },
  { pattern: /^(better-sqlite3|pg)$/, why: 'a database driver' },
  { pattern: /(^|\/)adapters\//, why: 'an adapter' },
  { pattern: /(^|\/)db\//, why: 'the database layer' },
  { pattern: /(^|\/)src\/(config|scheduler|http|commands)\//, why: 'the composition side of src' },
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

export function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    specifiers.push((match[1] ?? match[2]) as string);
  }
  return specifiers;
}

describe('architecture boundaries', () => {
  it('the checker itself sees a forbidden import', () => {
    expect(importsOf("import type { App } from '@slack/bolt';\nimport { x } from '../../db/schema.ts';")).toEqual(['@slack/bolt', '../../db/schema.ts']);
  });

  it('workflows/ imports no platform, database or composition code', () => {
    const root = process.cwd();
    const violations: string[] = [];
    for (const file of files(join(root, 'workflows'))) {
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        const resolved = specifier.startsWith('.') ? relative(root, join(file, '..', specifier)) : specifier;
        const hit = forbidden.find((f) => f.pattern.test(resolved));
        if (hit) violations.push(`${relative(root, file)} imports ${specifier} (${hit.why})`);
      }
    }
    expect(violations).toEqual([]);
  });
});
