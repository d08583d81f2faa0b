/**
 * The `handoff` command line: serve, migrate, seed-demo, network create, org create/list, user create,
 * token create, audit verify, backup, restore, import hsds, export hsds (`directory-commands.ts`). Output for machines goes to stdout; messages and errors to stderr,
 * with a non-zero exit code on failure.
 */
import { and, eq } from 'drizzle-orm';
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { operatorActor } from '../app/context.ts';
import { verifyAuditChain } from '../app/audit/verify-audit-chain.ts';
import { DEMO_PASSWORD, seedDemoNetwork, type DemoSeedResult } from '../app/demo/seed-demo-network.ts';
import { createUser, findOrganizationAnywhere } from '../app/members/create-user.ts';
import { backupDatabase } from '../app/ops/backup-database.ts';
import { restoreDatabase, RestoreError } from '../app/ops/restore-database.ts';
import { listOrganizations } from '../app/organizations/list-organizations.ts';
import { createApiToken } from '../app/tokens/create-api-token.ts';
import { memberships, users } from '../db/schema/index.ts';
import { createNetwork } from '../app/network/create-network.ts';
import { createOrganization } from '../app/organizations/create-organization.ts';
import { createOrganizationInput } from '../app/organizations/schemas.ts';
import { DataDirError } from '../db/embedded.ts';
import { AppError } from '../lib/errors.ts';
import { startHandoff } from '../server.ts';
import { addDirectoryCommands, resolveNetwork } from './directory-commands.ts';
import { withCliDeps } from './open-cli.ts';

const err = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

export function printDemoLogins(result: DemoSeedResult, password: string): void {
  err(`Demo network created: ${result.organizations} organizations, ${result.users} people.`);
  err(`Demo logins (password for all: ${password}):`);
  for (const login of result.logins)
    err(`  ${login.email.padEnd(36)} ${login.roles.join(', ')} — ${login.organization}`);
}

const program = new Command('handoff')
  .description('Handoff: hospital-to-community handoffs for transitional opioid programs')
  .showHelpAfterError()
  .exitOverride();

program
  .command('serve')
  .description('start the server and web app (configuration from the environment; see README)')
  .action(async () => {
    const running = await startHandoff(loadConfig(), {
      onDemoSeeded: (r) => printDemoLogins(r, DEMO_PASSWORD),
    });
    err(`Handoff is ready at ${running.url} (database: ${running.deps.engine}). Stop with Ctrl+C.`);
    const stop = (signal: string) => {
      err(`${signal} received; shutting down.`);
      running.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(() => withCliDeps(async () => err('Migrations are up to date.')));

program
  .command('seed-demo')
  .description('create the demo network if it does not exist')
  .option('--seed <n>', 'generator seed', '1')
  .action((opts: { seed: string }) =>
    withCliDeps(async (deps) => {
      const result = await seedDemoNetwork(deps, { seed: Number(opts.seed) });
      if (result.created) printDemoLogins(result, DEMO_PASSWORD);
      else err('The demo network already exists; nothing changed.');
    }),
  );

const network = program.command('network').description('networks (a regional partnership is one network)');
network
  .command('create')
  .description('create a network; prints its id')
  .requiredOption('--slug <slug>', 'short name, e.g. greater-cleveland')
  .requiredOption('--name <name>', 'display name')
  .option('--timezone <tz>', 'IANA time zone', 'America/New_York')
  .action((opts: { slug: string; name: string; timezone: string }) =>
    withCliDeps(async (deps) => {
      const created = await createNetwork(deps, operatorActor(), opts);
      err(`Network ${opts.slug} created.`);
      process.stdout.write(`${created.id}\n`);
    }),
  );

const org = program.command('org').description('organizations');
org
  .command('create')
  .description('create an organization in a network; prints its id')
  .requiredOption('--network <slug-or-id>', 'the network')
  .requiredOption('--slug <slug>', 'short name, unique in the network')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--kind <kind>', 'health_system, hospital or cbo')
  .option('--subtype <subtype>', 'for a CBO: otp, obot, bridge_clinic, fqhc, peer_recovery, …')
  .option(
    '--part2-status <status>',
    'part2_program (default), covered_entity, business_associate, lawful_holder',
  )
  .action(
    (opts: {
      network: string;
      slug: string;
      name: string;
      kind: string;
      subtype?: string;
      part2Status?: string;
    }) =>
      withCliDeps(async (deps) => {
        const networkId = await resolveNetwork(deps, opts.network);
        const parsed = createOrganizationInput.safeParse({
          slug: opts.slug,
          name: opts.name,
          kind: opts.kind,
          ...(opts.subtype ? { cboSubtype: opts.subtype } : {}),
          ...(opts.part2Status
            ? { part2LegalStatus: opts.part2Status, part2Program: opts.part2Status === 'part2_program' }
            : {}),
        });
        if (!parsed.success) {
          throw new AppError('validation', 'Invalid organization', {
            errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
          });
        }
        const created = await createOrganization(deps, operatorActor(), parsed.data, networkId);
        err(`Organization ${created.slug} created.`);
        process.stdout.write(`${created.id}\n`);
      }),
  );
org
  .command('list')
  .description('list organizations')
  .option('--json', 'print JSON')
  .action((opts: { json?: boolean }) =>
    withCliDeps(async (deps) => {
      const { items } = await listOrganizations(deps, operatorActor(), { limit: 100_000 });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
        return;
      }
      for (const o of items)
        process.stdout.write(`${o.id}  ${o.slug.padEnd(40)} ${o.kind.padEnd(13)} ${o.name}\n`);
    }),
  );

const user = program.command('user').description('users');
user
  .command('create')
  .description('create a user with a membership (or add the membership to an existing user)')
  .requiredOption('--email <email>', 'e-mail address (the login)')
  .requiredOption('--password <password>', 'password for a new user (12+ characters)')
  .requiredOption('--org <id-or-slug>', 'organization')
  .requiredOption('--role <role>', 'role in that organization, e.g. org_admin')
  .option('--name <name>', 'display name')
  .action((opts: { email: string; password: string; org: string; role: string; name?: string }) =>
    withCliDeps(async (deps) => {
      const result = await createUser(deps, operatorActor(), {
        email: opts.email,
        password: opts.password,
        organization: opts.org,
        role: opts.role,
        displayName: opts.name,
      });
      err(result.created ? `User created (${result.userId}).` : `Existing user ${result.userId} updated.`);
      process.stdout.write(`${result.membershipId}\n`);
    }),
  );

const token = program.command('token').description('API tokens');
token
  .command('create')
  .description('create an API token for a user; prints only the token on stdout')
  .requiredOption('--email <email>', 'the user')
  .option('--org <id-or-slug>', 'the organization (needed when the user belongs to several)')
  .option('--name <name>', 'token name', 'cli')
  .option('--days <n>', 'days until it expires (1–365)', '90')
  .action((opts: { email: string; org?: string; name: string; days: string }) =>
    withCliDeps(async (deps) => {
      const [person] = await deps.db
        .select()
        .from(users)
        .where(eq(users.email, opts.email.trim().toLowerCase()));
      if (!person) throw new AppError('not_found', `No user with e-mail ${opts.email}`);
      const orgId = opts.org ? (await findOrganizationAnywhere(deps.db, opts.org)).id : undefined;
      const rows = await deps.db
        .select()
        .from(memberships)
        .where(
          and(
            eq(memberships.userId, person.id),
            eq(memberships.status, 'active'),
            ...(orgId ? [eq(memberships.organizationId, orgId)] : []),
          ),
        );
      if (rows.length === 0) throw new AppError('not_found', 'The user has no active membership there');
      if (rows.length > 1)
        throw new AppError('conflict', 'The user belongs to several organizations; choose one with --org');
      const [m] = rows;
      if (!m) throw new AppError('not_found', 'The user has no active membership there');
      const days = Number(opts.days);
      if (!Number.isInteger(days) || days < 1 || days > 365)
        throw new AppError('validation', '--days must be 1–365');
      const created = await createApiToken(deps, operatorActor(), {
        name: opts.name,
        expiresInDays: days,
        owner: { userId: person.id, networkId: m.networkId, membershipId: m.id },
      });
      process.stdout.write(`${created.token}\n`);
    }),
  );

const audit = program.command('audit').description('audit trail');
audit
  .command('verify')
  .description('verify the audit hash chains; names the first broken link')
  .option('--json', 'print JSON')
  .action((opts: { json?: boolean }) =>
    withCliDeps(async (deps) => {
      const reports = await verifyAuditChain(deps.db);
      if (opts.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
      for (const r of reports) {
        if (r.ok) err(`chain ${r.chain}: ok (${r.events} events)`);
        else err(`chain ${r.chain}: BROKEN at event ${r.firstBroken?.seq}: ${r.firstBroken?.reason}`);
      }
      if (reports.some((r) => !r.ok)) process.exitCode = 3;
      else err(`Audit trail intact: ${reports.length} chain(s).`);
    }),
  );

program
  .command('backup')
  .description('write a complete, portable backup (gzipped JSON lines) to FILE')
  .argument('<file>', 'where to write')
  .action((file: string) =>
    withCliDeps(async (deps) => {
      const r = await backupDatabase(deps.db, file, new Date());
      err(`Backup written to ${file}: ${r.rows} rows in ${r.tables} tables.`);
    }),
  );

program
  .command('restore')
  .description('restore a backup into an empty database (a new HANDOFF_DATA_DIR or DATABASE_URL)')
  .argument('<file>', 'backup file')
  .action((file: string) =>
    withCliDeps(async (deps) => {
      const r = await restoreDatabase(deps.db, file);
      err(
        `Restored ${r.rows} rows into ${r.tables} tables. Run "handoff audit verify" to check the audit trail.`,
      );
    }),
  );

addDirectoryCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode;
  } else if (
    e instanceof AppError ||
    e instanceof ConfigError ||
    e instanceof DataDirError ||
    e instanceof RestoreError
  ) {
    err(`handoff: ${e.message}`);
    for (const f of e instanceof AppError ? (e.errors ?? []) : []) err(`  ${f.field}: ${f.message}`);
    process.exitCode = 1;
  } else {
    err(`handoff: unexpected error: ${(e as Error).message ?? String(e)}`);
    process.exitCode = 1;
  }
}
