import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.dataDir).toMatch(/\.handoff$/);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demo).toBe(true);
    expect(c.sessionIdleMs).toBe(15 * 60_000);
    expect(c.publicUrl).toBe('http://localhost:8080');
  });

  it('switches to PostgreSQL with a postgres:// URL and disables the demo with 0', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', HANDOFF_DEMO: '0' });
    expect(c.databaseUrl).toBe('postgres://u@h/db');
    expect(c.demo).toBe(false);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', HANDOFF_SECRET_KEY: 'short' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/DATABASE_URL/);
      expect((err as Error).message).toMatch(/HANDOFF_SECRET_KEY/);
    }
  });
});
