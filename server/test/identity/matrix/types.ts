/**
 * The shape of the authorization-matrix probes. Each area contributes a module of probes (one per
 * action it adds to the matrix) and, optionally, a setup that runs once the test app and the two
 * organizations exist (e.g. to create the objects its probes act on).
 */
import type { Action } from '../../../src/domain/identity/permissions.ts';
import type { TestApp, TestClient } from '../../support/test-app.ts';

/** Performs the action as `c` on an object owned by `targetOrg`; returns the HTTP status. */
export type Probe = (c: TestClient, targetOrg: string) => Promise<number>;

export interface ProbeSpec {
  probe: Probe;
  /** Also probe an object of another organization (expect 404 unless the scope is the network). */
  crossOrg: boolean;
}

export type ProbeSpecs = Partial<Record<Action, ProbeSpec>>;

export interface MatrixContext {
  /** Available from setup on. */
  app(): TestApp;
  /** The organization every probing user belongs to (a hospital) and another one (a CBO). */
  ownOrg(): string;
  otherOrg(): string;
  /** A membership id in each of the two organizations. */
  memberOf: Record<string, string>;
  /** A short unique string for names and slugs. */
  unique(): string;
}

export interface ProbeModule {
  probes: ProbeSpecs;
  setup?: () => Promise<void>;
}
