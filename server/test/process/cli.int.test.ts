/**
 * The `handoff` CLI as a real process: help for every command, org listing, user and token creation
 * (the token alone on stdout), errors on stderr with a non-zero exit, and a backup restored into a
 * fresh installation (on PostgreSQL, restored into embedded PGlite: the format is portable); the
 * directory exported as HSDS and imported back in place, and a foreign HSDS package's bad rows reported.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NETWORK_SLUG } from '../../src/domain/demo/organizations.ts';
import { skipReason } from '../harness/database.ts';
import { httpLogin, newInstallation, runCli, startServer, type Installation } from '../support/processes.ts';

const COMMANDS = [
  [],
  ['serve'],
  ['migrate'],
  ['seed-demo'],
  ['network', 'create'],
  ['org', 'create'],
  ['org', 'list'],
  ['user', 'create'],
  ['token', 'create'],
  ['audit', 'verify'],
  ['backup'],
  ['restore'],
  ['import', 'hsds'],
  ['export', 'hsds'],
];

describe.skipIf(skipReason)('handoff CLI', { timeout: 240_000 }, () => {
  let i: Installation;
  beforeAll(async () => {
    i = await newInstallation({ HANDOFF_DEMO: '0' });
  });
  afterAll(() => i.dispose());

  it('prints usage for every command with --help and exits 0', async () => {
    // Three processes at a time: fifteen Node processes starting at once on a small, busy CI machine
    // once took longer than the per-process timeout.
    const results: Awaited<ReturnType<typeof runCli>>[] = [];
    for (let n = 0; n < COMMANDS.length; n += 3) {
      const batch = COMMANDS.slice(n, n + 3).map((command) => runCli([...command, '--help'], i.env));
      results.push(...(await Promise.all(batch)));
    }
    results.forEach((res, n) => {
      expect(res.code, COMMANDS[n]?.join(' ')).toBe(0);
      expect(res.stdout).toMatch(new RegExp(`Usage: handoff ${COMMANDS[n]?.join(' ') ?? ''}`));
    });
  });

  it('migrates, seeds the demo, lists organizations as JSON', async () => {
    expect((await runCli(['migrate'], i.env)).code).toBe(0);
    const empty = await runCli(['org', 'list', '--json'], i.env);
    expect(JSON.parse(empty.stdout)).toEqual([]);
    const seeded = await runCli(['seed-demo'], i.env);
    expect(seeded.code).toBe(0);
    expect(seeded.stderr).toMatch(/navigator@demo\.handoff\.test/);
    const again = await runCli(['seed-demo'], i.env);
    expect(again.stderr).toMatch(/already exists/);
    const list = await runCli(['org', 'list', '--json'], i.env);
    const orgs = JSON.parse(list.stdout) as Array<{ slug: string; kind: string }>;
    expect(orgs.length).toBeGreaterThanOrEqual(36);
    expect(orgs.filter((o) => o.kind === 'hospital')).toHaveLength(7);
  });

  it('bootstraps a new network, organization and first administrator', async () => {
    const net = await runCli(
      ['network', 'create', '--slug', 'river-valley', '--name', 'River Valley Network'],
      i.env,
    );
    expect(net.code).toBe(0);
    expect(net.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    const dup = await runCli(['network', 'create', '--slug', 'river-valley', '--name', 'Again'], i.env);
    expect(dup.code).not.toBe(0);
    expect(dup.stderr).toMatch(/already exists/);
    const badKind = await runCli(
      ['org', 'create', '--network', 'river-valley', '--slug', 'rv-x', '--name', 'X', '--kind', 'castle'],
      i.env,
    );
    expect(badKind.code).not.toBe(0);
    expect(badKind.stderr).toMatch(/kind/);
    const org = await runCli(
      [
        'org',
        'create',
        '--network',
        'river-valley',
        '--slug',
        'rv-health-department',
        '--name',
        'RV Health Department',
        '--kind',
        'cbo',
        '--subtype',
        'other',
        '--part2-status',
        'lawful_holder',
      ],
      i.env,
    );
    expect(org.code).toBe(0);
    const admin = await runCli(
      [
        'user',
        'create',
        '--email',
        'convener@rv.test',
        '--password',
        'river valley passphrase',
        '--org',
        org.stdout.trim(),
        '--role',
        'network_convener',
      ],
      i.env,
    );
    expect(admin.code).toBe(0);
    const list = JSON.parse((await runCli(['org', 'list', '--json'], i.env)).stdout) as Array<{
      slug: string;
      part2LegalStatus: string;
    }>;
    expect(list.find((o) => o.slug === 'rv-health-department')?.part2LegalStatus).toBe('lawful_holder');
  });

  it('creates a user and an API token that works; errors go to stderr with a non-zero exit', async () => {
    const created = await runCli(
      [
        'user',
        'create',
        '--email',
        'ops.admin@x.test',
        '--password',
        'a long ops passphrase',
        '--org',
        'erie-shore-medical-center',
        '--role',
        'org_admin',
      ],
      i.env,
    );
    expect(created.stderr).toMatch(/User created/);
    expect(created.code).toBe(0);
    const badRole = await runCli(
      [
        'user',
        'create',
        '--email',
        'x@x.test',
        '--password',
        'a long ops passphrase',
        '--org',
        'erie-shore-medical-center',
        '--role',
        'pilot',
      ],
      i.env,
    );
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/role/);
    const weak = await runCli(
      [
        'user',
        'create',
        '--email',
        'y@x.test',
        '--password',
        'short',
        '--org',
        'erie-shore-medical-center',
        '--role',
        'navigator',
      ],
      i.env,
    );
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toMatch(/password/);
    const noOrg = await runCli(
      [
        'user',
        'create',
        '--email',
        'z@x.test',
        '--password',
        'a long ops passphrase',
        '--org',
        'nowhere',
        '--role',
        'navigator',
      ],
      i.env,
    );
    expect(noOrg.code).not.toBe(0);
    expect(noOrg.stderr).toMatch(/not found/);
    const missingArg = await runCli(['user', 'create', '--email', 'z@x.test'], i.env);
    expect(missingArg.code).not.toBe(0);
    expect(missingArg.stderr).toMatch(/required option/);

    const token = await runCli(['token', 'create', '--email', 'ops.admin@x.test'], i.env);
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(/^hnd_[\w-]+\n$/);
    const ambiguous = await runCli(
      ['token', 'create', '--email', 'peer.crosshired@demo.handoff.test'],
      i.env,
    );
    expect(ambiguous.code).not.toBe(0);
    expect(ambiguous.stderr).toMatch(/--org/);

    const server = await startServer(i.env);
    try {
      const res = await fetch(`${server.url}/api/v1/network`, {
        headers: { authorization: `Bearer ${token.stdout.trim()}` },
      });
      expect(res.status).toBe(200);
      await httpLogin(server.url, 'ops.admin@x.test', 'a long ops passphrase');
    } finally {
      await server.stop();
    }
  });

  it('backs up and restores into a fresh embedded installation with the audit chain intact', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'handoff-backup-')), 'backup.jsonl.gz');
    const backup = await runCli(['backup', file], i.env);
    expect(backup.code).toBe(0);
    expect(backup.stderr).toMatch(/Backup written/);
    const target = {
      ...i.env,
      HANDOFF_DATA_DIR: mkdtempSync(join(tmpdir(), 'handoff-restore-')),
      HANDOFF_DEMO: '0',
    };
    delete (target as Record<string, string | undefined>).DATABASE_URL;
    const restore = await runCli(['restore', file], target);
    expect(restore.stderr).toMatch(/Restored \d+ rows/);
    expect(restore.code).toBe(0);
    const verify = await runCli(['audit', 'verify'], target);
    expect(verify.code).toBe(0);
    expect(verify.stderr).toMatch(/intact/);
    const before = JSON.parse((await runCli(['org', 'list', '--json'], i.env)).stdout) as unknown[];
    const after = JSON.parse((await runCli(['org', 'list', '--json'], target)).stdout) as unknown[];
    expect(after).toEqual(before);
    const twice = await runCli(['restore', file], target);
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toMatch(/not empty/);
    const garbage = await runCli(['restore', '/etc/hostname'], {
      ...target,
      HANDOFF_DATA_DIR: mkdtempSync(join(tmpdir(), 'handoff-r2-')),
    });
    expect(garbage.code).not.toBe(0);
    expect(garbage.stderr).toMatch(/not a Handoff backup/);
  });

  it('exports the directory as HSDS and imports it back in place; reports bad HSDS rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handoff-hsds-'));
    // Two networks exist by now: the command must be told which.
    const ambiguous = await runCli(['export', 'hsds', dir], i.env);
    expect(ambiguous.code).not.toBe(0);
    expect(ambiguous.stderr).toMatch(/--network/);
    const exported = await runCli(['export', 'hsds', dir, '--network', DEMO_NETWORK_SLUG], i.env);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readdirSync(join(dir, 'csv'))).toEqual(
      expect.arrayContaining(['services.csv', 'attributes.csv', 'taxonomy_terms.csv', 'datapackage.json']),
    );
    const services = JSON.parse(readFileSync(join(dir, 'json', 'services.json'), 'utf8')) as {
      total_items: number;
      contents: unknown[];
    };
    expect(services.total_items).toBeGreaterThan(30);
    expect(services.contents).toHaveLength(services.total_items);

    const back = await runCli(
      ['import', 'hsds', join(dir, 'csv'), '--network', DEMO_NETWORK_SLUG, '--json'],
      i.env,
    );
    expect(back.code, back.stderr).toBe(0);
    const report = JSON.parse(back.stdout) as { state: string; importedRows: number; problems: unknown[] };
    expect(report).toMatchObject({ state: 'succeeded', importedRows: services.total_items, problems: [] });
    const again = await runCli(['export', 'hsds', dir, '--network', DEMO_NETWORK_SLUG], i.env);
    expect(again.code).toBe(0);
    const after = JSON.parse(readFileSync(join(dir, 'json', 'services.json'), 'utf8')) as {
      total_items: number;
    };
    expect(after.total_items).toBe(services.total_items); // updated in place, nothing duplicated

    const foreign = await runCli(
      ['import', 'hsds', resolve('../shared/data/hsds-3.0-examples/csv'), '--network', DEMO_NETWORK_SLUG],
      i.env,
    );
    expect(foreign.code).not.toBe(0); // nothing could be imported
    expect(foreign.stderr).toMatch(/services\.csv row 1 attributes: the kind of service is required/);
    const missing = await runCli(['import', 'hsds', join(dir, 'nowhere')], i.env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/does not exist/);
  });
});
