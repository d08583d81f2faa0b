/** The dev clock route, registered only with `HANDOFF_DEV_CLOCK=1` (demos and journeys; see config.ts). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { advanceDevClock } from '../../app/followup/advance-dev-clock.ts';
import { actorOf } from '../auth.ts';

export function devClockRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/dev/clock',
      {
        schema: {
          tags: ['dev'],
          summary: 'Demo only: move the clock forward and run a scheduler tick',
          body: z.strictObject({
            advanceMinutes: z
              .number()
              .int()
              .min(1)
              .max(60 * 24 * 60),
          }),
        },
      },
      async (request) => advanceDevClock(deps, actorOf(request), request.body.advanceMinutes),
    );
  };
}
