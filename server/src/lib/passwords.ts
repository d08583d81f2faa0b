/**
 * Password hashing with argon2id (@node-rs/argon2, OWASP-recommended parameters) and the password
 * policy: at least 12 characters, at most 256, not all one character.
 */
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id is a const enum; verbatimModuleSyntax forbids importing it, so use its value.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // Hash anyway when there is no stored hash, so unknown accounts take as long as known ones.
  if (!stored) {
    await hash(password, OPTIONS);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Returns a reason the password is unacceptable, or undefined when it is fine. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 12) return 'must be at least 12 characters long';
  if (password.length > 256) return 'must be at most 256 characters long';
  if (new Set(password).size < 4) return 'is too simple (use a passphrase of several words)';
  return undefined;
}
