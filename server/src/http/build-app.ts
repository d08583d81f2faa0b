/**
 * Builds the Fastify application: security headers, cookies, rate limits, JSON body limit (1 MB),
 * problem+json errors, authentication, the REST API under /api/v1, OpenAPI (/api/openapi.json) and
 * its human docs (/api/docs), health probes, and the built web app with SPA fallback.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import type { Deps } from '../app/context.ts';
import { AppError } from '../lib/errors.ts';
import { registerAuth } from './auth.ts';
import { errorToProblem, sendProblem } from './problem.ts';
import { authRoutes } from './rest/auth-routes.ts';
import { directoryImportRoutes } from './rest/directory-import-routes.ts';
import { directoryRoutes } from './rest/directory-routes.ts';
import { hsdsRoutes } from './rest/hsds-routes.ts';
import { partnershipRoutes } from './rest/partnership-routes.ts';
import { transitionRoutes } from './rest/transition-routes.ts';
import { referralRoutes } from './rest/referral-routes.ts';
import { taskRoutes } from './rest/task-routes.ts';
import { pathwayRoutes } from './rest/pathway-routes.ts';
import { notificationRoutes } from './rest/notification-routes.ts';
import { webhookRoutes } from './rest/webhook-routes.ts';
import { devClockRoutes } from './rest/dev-clock-routes.ts';
import { consentRoutes } from './rest/consent-routes.ts';
import { patientRoutes } from './rest/patient-routes.ts';
import { memberRoutes } from './rest/member-routes.ts';
import { miscRoutes } from './rest/misc-routes.ts';
import { organizationRoutes } from './rest/organization-routes.ts';
import { tokenRoutes } from './rest/token-routes.ts';

export const BODY_LIMIT = 1_048_576;
const webDist = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    trustProxy: deps.config.trustProxy,
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
  });
  app.setErrorHandler((error, request, reply) => {
    const problem = errorToProblem(error, request);
    if (error instanceof AppError && error.retryAfterSeconds)
      reply.header('Retry-After', String(error.retryAfterSeconds));
    return sendProblem(reply, { ...problem, instance: request.id });
  });

  const httpsOnly = deps.config.cookieSecure === true;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Only when the site is known to be served over HTTPS: on plain http (a LAN host, localhost)
        // the browser would otherwise rewrite asset requests to https and the app would not load.
        upgradeInsecureRequests: httpsOnly ? [] : null,
      },
    },
    hsts: httpsOnly ? { maxAge: 31_536_000 } : false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Handoff API',
        version: '1',
        description:
          'Hospital-to-community handoffs for transitional opioid programs. Errors are application/problem+json. ' +
          'Authenticate with the session cookie (browser; send X-CSRF-Token on writes) or `Authorization: Bearer <API token>`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'handoff_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuth(app, deps);

  app.get('/healthz', { schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await deps.db.execute(sql`select 1`);
      return { status: 'ok', database: deps.engine };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: deps.engine });
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(authRoutes(deps));
      await api.register(organizationRoutes(deps));
      await api.register(memberRoutes(deps));
      await api.register(tokenRoutes(deps));
      await api.register(directoryRoutes(deps));
      await api.register(directoryImportRoutes(deps));
      await api.register(partnershipRoutes(deps));
      await api.register(patientRoutes(deps));
      await api.register(consentRoutes(deps));
      await api.register(transitionRoutes(deps));
      await api.register(referralRoutes(deps));
      await api.register(taskRoutes(deps));
      await api.register(pathwayRoutes(deps));
      await api.register(notificationRoutes(deps));
      await api.register(webhookRoutes(deps));
      if (deps.config.devClock) await api.register(devClockRoutes(deps));
      await api.register(miscRoutes(deps));
    },
    { prefix: '/api/v1' },
  );
  await app.register(hsdsRoutes(deps), { prefix: '/hsds' });

  const hasWeb = existsSync(`${webDist}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url.startsWith('/hsds/');
    if (request.method === 'GET' && !isApi && hasWeb) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    if (request.method === 'GET' && !isApi) {
      return reply
        .type('text/plain')
        .send('Handoff API is running. The web app is not built: run `npm run build:web`.');
    }
    return sendProblem(reply, {
      type: 'https://handoff.dev/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: `No route ${request.method} ${request.url.split('?')[0]}`,
      instance: request.id,
    });
  });
  return app;
}
