import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook-signature.ts';

const at = new Date('2026-11-30T10:00:00Z');
const body = JSON.stringify({ id: 'evt-1', type: 'referral.escalation.liaison' });

describe('webhook signatures', () => {
  it('verifies what it signed', () => {
    const header = signWebhook('s3cret', body, at);
    expect(header).toMatch(/^t=1796032800,v1=[0-9a-f]{64}$/);
    expect(verifyWebhook('s3cret', body, header, at)).toBe(true);
  });

  it('refuses another secret, a changed body, a stale timestamp and malformed headers', () => {
    const header = signWebhook('s3cret', body, at);
    expect(verifyWebhook('other', body, header, at)).toBe(false);
    expect(verifyWebhook('s3cret', body.replace('evt-1', 'evt-2'), header, at)).toBe(false);
    expect(verifyWebhook('s3cret', body, header, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifyWebhook('s3cret', body, header, new Date(at.getTime() + 299_000))).toBe(true);
    expect(verifyWebhook('s3cret', body, undefined, at)).toBe(false);
    expect(verifyWebhook('s3cret', body, 't=abc,v1=00', at)).toBe(false);
    expect(verifyWebhook('s3cret', body, header.replace(/v1=./, 'v1=g'), at)).toBe(false);
  });
});
