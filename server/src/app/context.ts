/**
 * What every use case receives: its dependencies (`Deps`) and who is acting (`Actor`).
 * A member actor works as one active membership; the operator actor is a person with shell access
 * running the `handoff` CLI on the server (bootstrap and administration; never patient data).
 */
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db, Engine } from '../db/client.ts';
import type { Role } from '../domain/identity/vocabulary.ts';
import type { Clock } from '../lib/clock.ts';

export interface Deps {
  db: Db;
  engine: Engine;
  clock: Clock;
  config: Config;
  /** 32-byte key that seals secrets at rest (TOTP seeds). */
  secretKey: Buffer;
  log: Logger;
}

export type Channel = 'web' | 'api' | 'cli' | 'system';

interface ActorBase {
  requestId: string | null;
  clientAddress: string | null;
  via: Channel;
}

export interface MemberActor extends ActorBase {
  kind: 'member';
  userId: string;
  networkId: string;
  membershipId: string;
  organizationId: string;
  roles: Role[];
}

export interface OperatorActor extends ActorBase {
  kind: 'operator';
}

/** Someone not signed in: logging in, resetting a password, accepting an invitation. */
export interface AnonymousActor extends ActorBase {
  kind: 'anonymous';
}

export type Actor = MemberActor | OperatorActor | AnonymousActor;

export interface RequestMeta {
  requestId: string | null;
  clientAddress: string | null;
  via: Channel;
}

export const anonymousActor = (meta: RequestMeta): AnonymousActor => ({ kind: 'anonymous', ...meta });

export const operatorActor = (via: Channel = 'cli'): OperatorActor => ({
  kind: 'operator',
  via,
  requestId: null,
  clientAddress: null,
});
