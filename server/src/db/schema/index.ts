/** The whole database schema, one module per area. drizzle-kit generates migrations from this. */
export * from './identity.ts';
export * from './audit.ts';
export * from './outbox.ts';
export * from './directory.ts';
export * from './partnerships.ts';
export * from './patients.ts';
export * from './consent.ts';
export * from './transitions.ts';
export * from './followup.ts';
export * from './notifications.ts';
