import { expect } from 'vitest';
import type { Command } from '../../src/core/command.ts';
import { parseCommand } from '../../src/commands/index.ts';
import { translator, type Locale } from '../../src/i18n/index.ts';

/** A Tuesday; dates without a year resolve against it. */
export const today = '2026-03-10';

export function parsed(text: string, on: string = today): Command {
  const result = parseCommand(text, on);
  if (!result.ok) throw new Error(`expected "${text}" to parse, got ${translator('en')(result.error.code, result.error.params)}`);
  return result.value;
}

/** The error for `text` as the person reads it, in the municipality's language. */
export function errorText(text: string, locale: Locale = 'sv'): string {
  const result = parseCommand(text, today, locale);
  expect(result.ok, `expected "${text}" to fail`).toBe(false);
  if (result.ok) return '';
  return translator(locale)(result.error.code, result.error.params);
}
