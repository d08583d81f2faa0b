/**
 * Starts a throwaway PostgreSQL cluster for integration tests and benchmarks: `initdb` into a fresh temp
 * dir, `pg_ctl start` on a free loopback port with trust auth and durability switched off, and `stop()`
 * that shuts it down and removes the dir. Never touches the distribution's default cluster on 5432.
 * `initdb` and `postgres` refuse to run as root, so as root they run as the `postgres` user via `runuser`.
 * Free of Vitest imports so that `bench/` can use it too.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface StartPostgresOptions {
  /** Directory holding `initdb` and `pg_ctl`; found with `postgresAvailable()` when omitted. */
  binDir?: string;
  /** `max_connections` of the cluster (default 200). */
  maxConnections?: number;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string | number>;
}

export interface RunningPostgres {
  /** Superuser URL of the `postgres` database, e.g. `postgres://postgres@127.0.0.1:PORT/postgres`. */
  adminUrl: string;
  port: number;
  /** PostgreSQL major version of the binaries, e.g. 15. */
  major: number | undefined;
  /** Stops the cluster (`pg_ctl stop -m fast`) and removes its temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

const debianRoot = '/usr/lib/postgresql';

/** The directory with PostgreSQL's server binaries (highest Debian major first, then PATH), or undefined. */
export function postgresAvailable(): string | undefined {
  if (existsSync(debianRoot)) {
    const majors = readdirSync(debianRoot)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    for (const major of majors) {
      const bin = join(debianRoot, major, 'bin');
      if (existsSync(join(bin, 'pg_ctl')) && existsSync(join(bin, 'initdb'))) return bin;
    }
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'pg_ctl');
    if (!existsSync(candidate)) continue;
    const bin = dirname(realpathSync(candidate));
    if (existsSync(join(bin, 'initdb'))) return bin;
  }
  return undefined;
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error('could not find a free port'))));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary, as the `postgres` user when we are root. */
function runPg(bin: string, args: string[], cwd: string) {
  const [file, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return run(file, argv, { cwd, env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, maxBuffer: 16 << 20 });
}

function describeFailure(error: unknown): string {
  const e = error as { message?: string; stdout?: string; stderr?: string };
  return [e.message, e.stdout, e.stderr].filter(Boolean).join('\n').trim();
}

async function majorOf(binDir: string): Promise<number | undefined> {
  try {
    const { stdout } = await run(join(binDir, 'pg_ctl'), ['--version']);
    const match = /(\d+)(?:\.\d+)?/.exec(stdout);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Starts a fresh PostgreSQL cluster on a free loopback port. Throws when no binaries are installed. */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<RunningPostgres> {
  const binDir = options.binDir ?? postgresAvailable();
  if (!binDir) {
    throw new Error(
      'PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and PATH); ' +
        'install the Debian package: apt-get install postgresql',
    );
  }
  const pgCtl = join(binDir, 'pg_ctl');
  const root = await mkdtemp(join(tmpdir(), 'handoff-pg-'));
  const dataDir = join(root, 'data');
  const socketDir = root;
  const logFile = join(root, 'postgres.log');
  try {
    if (isRoot()) await run('chown', ['-R', 'postgres:postgres', root]);
    try {
      await runPg(
        join(binDir, 'initdb'),
        ['-D', dataDir, '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C', '--no-sync'],
        root,
      );
    } catch (error) {
      throw new Error(`initdb failed:\n${describeFailure(error)}`, { cause: error });
    }

    const settings: Record<string, string | number> = {
      listen_addresses: '127.0.0.1',
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: options.maxConnections ?? 200,
      ...options.settings,
    };
    const settingArgs = Object.entries(settings)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' ');

    // Another process may grab the port between our probe and the server's bind: retry a few times.
    let lastError: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      const port = await freePort();
      try {
        await runPg(
          pgCtl,
          [
            '-D',
            dataDir,
            '-l',
            logFile,
            '-t',
            '60',
            '-o',
            `-p ${port} -k ${socketDir} ${settingArgs}`,
            '-w',
            'start',
          ],
          root,
        );
      } catch (error) {
        const log = await readFile(logFile, 'utf8').catch(() => '');
        lastError = new Error(`pg_ctl start failed:\n${describeFailure(error)}\n${log}`, { cause: error });
        if (/address already in use|could not bind/i.test(log)) continue;
        throw lastError;
      }
      return running(pgCtl, root, dataDir, port, await majorOf(binDir));
    }
    throw lastError;
  } catch (error) {
    await rm(root, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

function running(pgCtl: string, root: string, dataDir: string, port: number, major: number | undefined) {
  let stopped = false;
  // If the process exits without calling stop() (a crash, Ctrl-C), do not leave a server behind.
  const onExit = () => {
    if (stopped) return;
    try {
      const argv = ['-D', dataDir, '-m', 'immediate', '-w', 'stop'];
      if (isRoot()) execFileSync('runuser', ['-u', 'postgres', '--', pgCtl, ...argv], { stdio: 'ignore' });
      else execFileSync(pgCtl, argv, { stdio: 'ignore' });
    } catch {
      // Best effort.
    }
  };
  process.once('exit', onExit);
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    major,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', onExit);
      try {
        await runPg(pgCtl, ['-D', dataDir, '-m', 'fast', '-t', '60', '-w', 'stop'], root);
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
  } satisfies RunningPostgres;
}
