import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = Pick<PinoLogger, 'info' | 'warn' | 'error' | 'debug' | 'child' | 'level' | 'isLevelEnabled'>;

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: undefined });
}

/** Tests keep quiet unless LOG_LEVEL asks otherwise. */
export function silentLogger(): Logger {
  return pino({ level: process.env.LOG_LEVEL ?? 'silent' });
}
