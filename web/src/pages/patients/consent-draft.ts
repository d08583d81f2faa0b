/**
 * The consent wizard's state: what the person capturing the consent has entered so far, the defaults
 * each consent type implies (P7, P8), the request body it becomes, and which step answers for each
 * §2.31 element the server may report missing (422) or each field it may reject (400).
 */
import {
  CONSENT_ELEMENTS,
  TPO_PURPOSES,
  type ConsentElement,
  type ConsentLanguage,
  type ConsentPurpose,
  type ConsentType,
  type DataCategory,
  type RecordConsentInput,
  type RecipientInput,
  type SignatureFileType,
  type SignatureMethod,
  type SignerCapacity,
} from '../../api/consents.ts';
import { NO_EXPIRY } from './patient-labels.ts';

export const STEPS = [
  'type',
  'recipients',
  'information',
  'expiry',
  'statements',
  'signature',
  'review',
] as const;
export type Step = (typeof STEPS)[number];

export type ExpiryMode = 'date' | 'event' | 'none';

export interface SignatureImage {
  contentType: SignatureFileType;
  data: string;
  /** The scanned file's name, for display. */
  name: string | null;
}

export interface ConsentDraft {
  type: ConsentType;
  organizationIds: string[];
  /** A class of recipients in words (empty: none). */
  classDescription: string;
  /** Handoff as intermediary, with a general designation of its participants. */
  intermediary: boolean;
  generalDesignation: string;
  categories: DataCategory[];
  information: string;
  /** Until the user edits it, `information` follows the chosen categories. */
  informationEdited: boolean;
  purposes: ConsentPurpose[];
  purposeDescription: string;
  purposeEdited: boolean;
  expiryMode: ExpiryMode;
  expiresOn: string;
  expiryEvent: string;
  revocationAcknowledged: boolean;
  revocationHow: string;
  redisclosureStatement: boolean;
  refusalConsequences: string;
  hipaaRedisclosureStatement: boolean;
  programFundraises: boolean;
  fundraisingOptOutStatement: boolean;
  signatureMethod: SignatureMethod;
  signerName: string;
  capacity: SignerCapacity;
  authority: string;
  image: SignatureImage | null;
  signedOn: string;
  language: ConsentLanguage;
}

/** Default wordings, in the UI's language, that the person capturing the consent may edit. */
export interface DraftWords {
  revocationHow: string;
  refusalConsequences: string;
  generalDesignation: string;
  information: (categories: readonly DataCategory[]) => string;
  purposeDescription: (type: ConsentType, purposes: readonly ConsentPurpose[]) => string;
}

export function initialDraft(words: DraftWords, today: string, language: ConsentLanguage): ConsentDraft {
  const categories: DataCategory[] = ['demographics', 'treatment'];
  const purposes: ConsentPurpose[] = [...TPO_PURPOSES];
  return {
    type: 'tpo',
    organizationIds: [],
    classDescription: '',
    intermediary: false,
    generalDesignation: words.generalDesignation,
    categories,
    information: words.information(categories),
    informationEdited: false,
    purposes,
    purposeDescription: words.purposeDescription('tpo', purposes),
    purposeEdited: false,
    expiryMode: 'none',
    expiresOn: '',
    expiryEvent: '',
    revocationAcknowledged: false,
    revocationHow: words.revocationHow,
    redisclosureStatement: false,
    refusalConsequences: words.refusalConsequences,
    hipaaRedisclosureStatement: false,
    programFundraises: false,
    fundraisingOptOutStatement: false,
    signatureMethod: 'typed',
    signerName: '',
    capacity: 'patient',
    authority: '',
    image: null,
    signedOn: today,
    language,
  };
}

/** Keeps the generated wordings in step with the choices they describe, until the user edits them. */
export function withWords(draft: ConsentDraft, words: DraftWords): ConsentDraft {
  return {
    ...draft,
    information: draft.informationEdited ? draft.information : words.information(draft.categories),
    purposeDescription: draft.purposeEdited
      ? draft.purposeDescription
      : words.purposeDescription(draft.type, draft.purposes),
  };
}

/** What choosing a consent type implies: TPO covers TPO purposes only; counseling notes stand alone (P7, P8). */
export function withType(draft: ConsentDraft, type: ConsentType): ConsentDraft {
  if (type === draft.type) return draft;
  const next: ConsentDraft = { ...draft, type };
  if (type === 'tpo') {
    next.purposes = [...TPO_PURPOSES];
    next.categories = draft.categories.filter((c) => c !== 'counseling_notes');
    if (next.categories.length === 0) next.categories = ['demographics', 'treatment'];
  } else {
    if (draft.expiryMode === 'none') next.expiryMode = 'date';
    if (draft.type === 'tpo') next.purposes = ['TREAT'];
    next.categories =
      type === 'counseling_notes'
        ? ['counseling_notes']
        : draft.categories.filter((c) => c !== 'counseling_notes');
    if (next.categories.length === 0) next.categories = ['demographics', 'treatment'];
  }
  return next;
}

export function toInput(draft: ConsentDraft): RecordConsentInput {
  const recipients: RecipientInput[] = draft.organizationIds.map((organizationId) => ({
    kind: 'organization',
    organizationId,
  }));
  if (draft.classDescription.trim())
    recipients.push({ kind: 'class', description: draft.classDescription.trim() });
  if (draft.intermediary)
    recipients.push({ kind: 'general_designation', description: draft.generalDesignation.trim() });
  const signed = draft.signerName.trim() || draft.image;
  const isTpo = draft.type === 'tpo';
  return {
    type: draft.type,
    information: draft.information.trim(),
    categories: draft.categories,
    recipients,
    purposes: isTpo ? draft.purposes.filter((p) => TPO_PURPOSES.includes(p)) : draft.purposes,
    purposeDescription: draft.purposeDescription.trim(),
    revocationAcknowledged: draft.revocationAcknowledged,
    revocationHow: draft.revocationHow.trim(),
    expiresOn: draft.expiryMode === 'date' && draft.expiresOn ? draft.expiresOn : null,
    expiryEvent:
      draft.expiryMode === 'event'
        ? draft.expiryEvent.trim() || null
        : draft.expiryMode === 'none'
          ? NO_EXPIRY
          : null,
    signature: signed
      ? {
          method: draft.signatureMethod,
          signerName: draft.signerName.trim(),
          capacity: draft.capacity,
          authority: draft.capacity === 'patient' ? null : draft.authority.trim() || null,
          image:
            draft.signatureMethod !== 'typed' && draft.image
              ? { contentType: draft.image.contentType, data: draft.image.data }
              : null,
        }
      : null,
    signedOn: draft.signedOn || null,
    redisclosureStatement: isTpo && draft.redisclosureStatement,
    refusalConsequences: isTpo ? draft.refusalConsequences.trim() || null : null,
    hipaaRedisclosureStatement: draft.hipaaRedisclosureStatement,
    programFundraises: draft.programFundraises,
    fundraisingOptOutStatement: draft.programFundraises && draft.fundraisingOptOutStatement,
    intermediary: draft.intermediary,
    language: draft.language,
  };
}

const ELEMENT_STEP: Record<ConsentElement, Step> = {
  patient_name: 'review',
  discloser: 'review',
  information: 'information',
  recipients: 'recipients',
  purpose: 'information',
  revocation: 'statements',
  expiration: 'expiry',
  signature: 'signature',
  signed_on: 'signature',
  tpo_redisclosure_statement: 'statements',
  tpo_refusal_consequences: 'statements',
  hipaa_redisclosure_statement: 'statements',
  fundraising_statement: 'statements',
  type_rules: 'type',
};

const FIELD_STEP: Record<string, Step> = {
  type: 'type',
  recipients: 'recipients',
  intermediary: 'recipients',
  information: 'information',
  categories: 'information',
  purposes: 'information',
  purposeDescription: 'information',
  expiresOn: 'expiry',
  expiryEvent: 'expiry',
  revocationAcknowledged: 'statements',
  revocationHow: 'statements',
  redisclosureStatement: 'statements',
  refusalConsequences: 'statements',
  hipaaRedisclosureStatement: 'statements',
  programFundraises: 'statements',
  fundraisingOptOutStatement: 'statements',
  signature: 'signature',
  signedOn: 'signature',
  language: 'signature',
};

const isElement = (field: string): field is ConsentElement =>
  (CONSENT_ELEMENTS as readonly string[]).includes(field);

/** The step that answers for a problem the server named: a §2.31 element code or a request field path. */
export function stepOf(field: string): Step {
  if (isElement(field)) return ELEMENT_STEP[field];
  const head = field.replace(/^body\./, '').split(/[.[]/)[0] ?? '';
  return FIELD_STEP[head] ?? 'review';
}
