/**
 * Guards for the embedded database directory: one process at a time (a lock file holding the pid),
 * and detection of a first start that was interrupted before the database was complete.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

export class DataDirError extends Error {}

export interface DataDirPaths {
  root: string;
  pgdata: string;
  lock: string;
  initMarker: string;
}

export function dataDirPaths(root: string): DataDirPaths {
  return {
    root,
    pgdata: join(root, 'pgdata'),
    lock: join(root, 'handoff.lock'),
    initMarker: join(root, 'FIRST_START_INCOMPLETE'),
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data-dir lock, or throws when another live process holds it. A lock left by a process
 * that died (kill -9, power loss) is taken over. Returns a function that releases the lock.
 */
export function acquireDataDirLock(paths: DataDirPaths): () => void {
  mkdirSync(paths.root, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(paths.lock, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(paths.lock, 'utf8') === String(process.pid)) unlinkSync(paths.lock);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(readFileSync(paths.lock, 'utf8'), 10);
      if (Number.isFinite(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DataDirError(
          `Another Handoff process (pid ${holder}) is using the data directory ${paths.root}. ` +
            `The embedded database allows one process at a time: stop that process first, ` +
            `or point HANDOFF_DATA_DIR at another directory.`,
        );
      }
      rmSync(paths.lock, { force: true });
    }
  }
  throw new DataDirError(`Could not take the lock ${paths.lock}.`);
}

/**
 * Before the first start creates the database, a marker is written; it is removed once migrations
 * and the demo seed finished. A marker found at start means the first start was interrupted.
 */
export function checkFirstStart(paths: DataDirPaths): { firstStart: boolean } {
  if (existsSync(paths.initMarker)) {
    throw new DataDirError(
      `The first start of Handoff in ${paths.root} was interrupted before the database was complete, ` +
        `so no data was kept. To recover, remove the directory and start again:\n` +
        `  rm -rf '${paths.root}' && npm start`,
    );
  }
  const firstStart = !existsSync(paths.pgdata);
  if (firstStart) {
    mkdirSync(paths.root, { recursive: true });
    closeSync(openSync(paths.initMarker, 'w'));
  }
  return { firstStart };
}

export function markFirstStartComplete(paths: DataDirPaths): void {
  rmSync(paths.initMarker, { force: true });
}
