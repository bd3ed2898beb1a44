import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { parse, stringify } from 'yaml';

/**
 * The Microsoft 365 Agents Playground (its CLI from the npm package) pointed at the bot's
 * /api/messages. Each instance gets a working folder of its own with `.m365agentsplayground.yml`
 * (playground.yml here), optionally as another of the configured users, and listens on a free port.
 */

const here = fileURLToPath(new URL('.', import.meta.url));
const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');

export interface Playground {
  /** The page to open in the browser, e.g. `http://127.0.0.1:41975`. */
  readonly url: string;
  close(): Promise<void>;
}

export interface PlaygroundUser {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

/** The users in playground.yml, by first name; `alex` is the Playground's default current user. */
export function playgroundUsers(): Record<'alex' | 'megan', PlaygroundUser> {
  const config = parse(readFileSync(join(here, 'playground.yml'), 'utf8')) as { currentUser: PlaygroundUser; users: PlaygroundUser[] };
  const megan = config.users.find((u) => u.name.startsWith('Megan'));
  if (!megan) throw new Error('playground.yml has no Megan');
  return { alex: config.currentUser, megan };
}

export async function startPlayground(botMessagesUrl: string, as?: PlaygroundUser): Promise<Playground> {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-playground-'));
  const configFile = join(dir, '.m365agentsplayground.yml');
  copyFileSync(join(here, 'playground.yml'), configFile);
  if (as) {
    // Another person at the keyboard: that user becomes the current one, the old current one a user.
    const config = parse(readFileSync(configFile, 'utf8')) as { currentUser: PlaygroundUser; users: PlaygroundUser[] };
    const users = config.users.filter((u) => u.id !== as.id);
    const full = config.users.find((u) => u.id === as.id) ?? as;
    writeFileSync(configFile, stringify({ ...config, currentUser: full, users: [config.currentUser, ...users] }));
  }
  const child = spawn(process.execPath, [cli, '--app-endpoint', botMessagesUrl, '--channel-id', 'msteams', '--port', '0', '--disable-telemetry'], {
    cwd: dir,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the Agents Playground did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Listening on (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the Agents Playground exited with ${code}:\n${output}\n${logOf(dir)}`));
    });
  });
  await waitForHttp(`http://127.0.0.1:${port}/`, child, () => `${output}\n${logOf(dir)}`);
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The Playground writes why it failed (a bad config file, say) only to its own log. */
function logOf(dir: string): string {
  const log = join(dir, 'devTools', 'm365agentsplayground.log');
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith('error')).join('\n') : '';
}

/** "Listening" comes before the config is loaded; a bad config ends the process just after. */
async function waitForHttp(url: string, child: ChildProcess, why: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`the Agents Playground exited with ${child.exitCode}:\n${why()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the Agents Playground did not answer at ${url}:\n${why()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
