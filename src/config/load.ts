import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { demoConfig } from './demo.ts';
import { configSchema, type Config } from './schema.ts';

export interface LoadedConfig {
  readonly config: Config;
  /** The file it came from, or undefined when there is none and the demo municipality is used. */
  readonly source: string | undefined;
}

export class ConfigError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

export const defaultConfigPath = 'samverkan.config.yaml';

/**
 * Reads SAMVERKAN_CONFIG (or samverkan.config.yaml when it exists); with neither, the demo
 * municipality (src/config/demo.ts), never otherwise. Errors name the field and say what would be right.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const explicit = env.SAMVERKAN_CONFIG;
  const path = explicit ?? (existsSync(defaultConfigPath) ? defaultConfigPath : undefined);
  if (!path) return { config: parseConfig(demoConfig, '(demo municipality)'), source: undefined };
  if (!existsSync(path)) throw new ConfigError(`SAMVERKAN_CONFIG points at ${path}, which does not exist.`);
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`${path} is not valid YAML: ${(err as Error).message}`);
  }
  return { config: parseConfig(raw ?? {}, path), source: path };
}

export function parseConfig(raw: unknown, source: string): Config {
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new ConfigError(`Invalid configuration in ${source}:\n${formatIssues(result.error.issues)}`);
}

function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const field = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
      let message = issue.message;
      if (issue.code === 'unrecognized_keys') message = `unknown field(s) ${issue.keys.join(', ')}: remove or correct the spelling`;
      else if (issue.code === 'invalid_type') message = `expected ${issue.expected}`;
      return `  - ${field}: ${message}`;
    })
    .join('\n');
}
