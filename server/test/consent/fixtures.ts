/** Request bodies the consent tests share: a patient to register and a complete TPO consent. */

export const PATIENT = {
  givenName: 'Rosa',
  familyName: 'Delgado-Test',
  birthDate: '1988-04-12',
  sex: 'female',
  mrn: 'MRN-44120',
  phones: [{ number: '+1 555 010 2233', use: 'mobile', voicemailOk: false, textOk: true }],
  unhoused: true,
  preferredLanguage: 'es',
  insurance: { kind: 'medicaid', payerName: 'State Medicaid', memberId: 'X123' },
};

/** A complete TPO consent naming the given organizations. */
export function tpoConsent(organizationIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    type: 'tpo',
    information: 'My referral packet: contact details, medication for opioid use disorder, appointments',
    categories: ['demographics', 'treatment'],
    recipients: organizationIds.map((organizationId) => ({ kind: 'organization', organizationId })),
    purposes: ['TREAT', 'HPAYMT', 'HOPERAT'],
    purposeDescription: 'For treatment, payment, and health care operations',
    revocationAcknowledged: true,
    revocationHow: 'Tell the program in writing (letter or the signed revocation form)',
    expiresOn: null,
    expiryEvent: 'end of treatment',
    signature: { method: 'typed', signerName: 'Rosa Delgado-Test', capacity: 'patient' },
    signedOn: '2026-11-23',
    redisclosureStatement: true,
    refusalConsequences: 'Treatment is not conditioned on signing; referrals will be slower without it.',
    hipaaRedisclosureStatement: true,
    language: 'en',
    ...overrides,
  };
}
