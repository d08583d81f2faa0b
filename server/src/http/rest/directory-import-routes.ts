/** REST routes of directory imports (with progress) and the services spreadsheet export. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { exportServicesCsv } from '../../app/directory/export-services-csv.ts';
import { IMPORT_FORMATS } from '../../app/directory/import/dataset.ts';
import {
  getDirectoryImport,
  listDirectoryImports,
  startDirectoryImport,
} from '../../app/directory/import/run-import.ts';
import { actorOf } from '../auth.ts';

const tags = ['directory'];
/** Room for a 20,000-service HSDS package as JSON text. */
const IMPORT_BODY_LIMIT = 128 * 1024 * 1024;

export function directoryImportRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/directory/imports',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Start an import (network convener); poll it for progress',
          body: z.strictObject({
            format: z.enum(IMPORT_FORMATS),
            files: z
              .record(z.string().min(1).max(200), z.string())
              .refine((files) => Object.keys(files).length > 0, 'give at least one file')
              .refine((files) => Object.keys(files).length <= 50, 'at most 50 files'),
          }),
        },
      },
      async (request, reply) =>
        reply.code(202).send(await startDirectoryImport(deps, actorOf(request), request.body)),
    );

    app.get('/directory/imports', { schema: { tags, summary: 'Recent imports, newest first' } }, (request) =>
      listDirectoryImports(deps, actorOf(request)),
    );

    app.get(
      '/directory/imports/:id',
      {
        schema: {
          tags,
          summary: 'One import: state, counts and problems (file, row, field, reason)',
          params: z.strictObject({ id: z.string().min(1).max(100) }),
        },
      },
      (request) => getDirectoryImport(deps, actorOf(request), request.params.id),
    );

    app.get(
      '/directory/export/services.csv',
      { schema: { tags, summary: "The network's services as a spreadsheet" } },
      async (request, reply) =>
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="services.csv"')
          .send(await exportServicesCsv(deps, actorOf(request))),
    );
  };
}
