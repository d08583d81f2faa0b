/**
 * TOTP second factor (RFC 6238, 30-second steps, 6 digits) over otplib, with a ±1 step tolerance
 * for clock drift and replay protection: a code at or before the last accepted step is refused.
 */
import { generate, generateSecret, generateURI, verify } from 'otplib';

export const newTotpSecret = (): string => generateSecret();

export const totpUri = (secret: string, account: string): string =>
  generateURI({ issuer: 'Handoff', label: account, secret });

/** The code for `at` (tests and the CLI use it). */
export const totpCode = (secret: string, at: Date): Promise<string> =>
  generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

/** Returns the accepted time step, or undefined when the code is wrong or was already used. */
export async function checkTotp(
  secret: string,
  code: string,
  at: Date,
  lastStep: number | null,
): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  }).catch(() => ({ valid: false as const }));
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}
