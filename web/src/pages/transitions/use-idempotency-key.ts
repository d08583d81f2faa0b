/**
 * An `Idempotency-Key` per request content: a double click or a retry of the same form sends the same key
 * (the server answers the first object and creates nothing), while a changed form gets a fresh key (the
 * server refuses a key reused for a different body).
 */
import { useRef } from 'react';
import { newIdempotencyKey } from '../../api/transitions.ts';

export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ body: string; key: string } | null>(null);
  return (body) => {
    const json = JSON.stringify(body);
    if (last.current?.body !== json) last.current = { body: json, key: newIdempotencyKey() };
    return last.current.key;
  };
}
