/** Where the global setup tells the test workers how to reach the server and the captured mail. */
export const ENV = {
  baseUrl: 'HANDOFF_E2E_BASE_URL',
  mailDir: 'HANDOFF_E2E_MAIL_DIR',
} as const;

export function fromEnv(name: (typeof ENV)[keyof typeof ENV]): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run the suite with e2e/playwright.config.ts (its global setup sets it)`,
    );
  return value;
}
