/** Handoff letters: the patient's (en/es, local times across DST, no appointment) and the partner's (§2.32, consent scope). */
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parsePart2Texts } from '../../domain/consent/part2-texts.ts';
import type { PacketView } from '../../domain/transitions/views.ts';
import { letterDateTime, renderHandoffLetter } from './handoff-letter-pdf.ts';
import type { HandoffLetterInput } from './handoff-letter-pdf.ts';
import { LETTER_CODES, LETTER_TEXTS } from './handoff-letter-texts.ts';
import { winAnsiSafe } from './pdf-layout.ts';
import { pdfText, squash } from './pdf-text.test-support.ts';

const statement1 = parsePart2Texts(
  JSON.parse(readFileSync(new URL('../../../config/part2-texts.json', import.meta.url), 'utf8')),
).statement1;
const zone = 'America/New_York';

const packet: PacketView = {
  version: 3,
  createdAt: '2026-03-03T16:00:00.000Z',
  patient: {
    name: 'Jordan Alvarez',
    birthDate: '1988-04-12',
    preferredLanguage: 'es',
    phones: [
      { number: '(555) 010-1111', use: 'mobile', voicemailOk: false, textOk: true },
      { number: '(555) 010-2222', use: 'home', voicemailOk: true, textOk: false },
    ],
    address: { street: '9 Elm Street', city: 'Springfield', state: 'MA', postalCode: '01101' },
    unhoused: false,
  },
  hospital: { id: 'org-h', name: 'Riverside Hospital' },
  encounterType: 'ed',
  dischargedAt: '2026-03-03T17:00:00.000Z',
  expectedDischargeAt: null,
  moudPlan: {
    medication: 'buprenorphine',
    formulation: 'sublingual_film',
    dose: '16 mg once a day',
    firstDoseAt: '2026-03-03T08:15:00.000Z',
    lastDoseAt: '2026-03-03T14:00:00.000Z',
    bridge: { kind: 'prescription', days: 7, doses: null },
    naloxoneGiven: true,
    notes: 'Induced with 8 mg + 8 mg; tolerated well.',
  },
  // A 7-day supply from 3 March ends at local midnight starting 10 March (EDT: DST began 8 March 2026).
  coverageEnd: '2026-03-10T04:00:00.000Z',
  careNeeds: ['housing', 'phone'],
  senderContacts: [{ name: 'Sam Lee', role: 'Navigator', email: 'sam.lee@riverside.example' }],
};

const base: HandoffLetterInput = {
  audience: 'patient',
  lang: 'en',
  timeZone: zone,
  generatedAt: new Date('2026-03-03T16:30:00Z'),
  packet,
  appointment: { at: '2026-03-10T14:30:00.000Z', place: 'Second floor, room 204', notes: 'Ask for Dana.' },
  service: {
    name: 'Harbor OBOT Clinic',
    organizationName: 'Harbor Recovery Center',
    address: '12 Harbor Way, Springfield, MA 01103',
    phone: '(555) 010-2000',
  },
  disclosureStatement: null,
};

const render = async (changes: Partial<HandoffLetterInput>) => {
  const bytes = await renderHandoffLetter({ ...base, ...changes });
  return { bytes, text: await pdfText(bytes, { minY: 54 }), full: await pdfText(bytes) };
};

describe('patient letter', () => {
  it('prints the place, the local appointment time across DST, the medication, coverage end and overdose basics', async () => {
    const { text, full } = await render({});
    const p = LETTER_TEXTS.en.patient;
    for (const part of [
      'For: Jordan Alvarez',
      'Harbor OBOT Clinic',
      'Harbor Recovery Center',
      '12 Harbor Way, Springfield, MA 01103',
      'Phone: (555) 010-2000',
      'Place: Second floor, room 204',
      'Ask for Dana.',
      // 14:30 UTC is 10:30 daylight time two days after the change (not 9:30 standard time).
      'Tuesday, March 10, 2026, 10:30 AM EDT',
      'Medicine: buprenorphine, film under the tongue (sublingual)',
      'Dose: 16 mg once a day',
      'Tuesday, March 10, 2026, 12:00 AM EDT',
      'That is midnight at the end of Monday, March 9.',
      p.gapWarning,
      'go back to the emergency department at Riverside Hospital',
      p.naloxoneGiven,
      ...p.bringItems,
      ...p.safetyItems,
    ]) {
      expect(text).toContain(squash(part));
    }
    expect(text).toContain('call or text 988');
    expect(text).toContain('Call 911');
    expect(text).not.toContain(p.naloxoneNotGiven);
    expect(full).toContain(`${p.footer} Page 1 of`);
  });

  it('prints the Spanish letter with accents, ñ, ¿ and standard time in November', async () => {
    const { text, full } = await render({
      lang: 'es',
      appointment: { at: '2026-11-10T15:00:00.000Z', place: null, notes: null },
      packet: { ...packet, coverageEnd: '2026-11-12T05:00:00.000Z' },
    });
    const p = LETTER_TEXTS.es.patient;
    for (const part of [
      'Su próximo paso en el tratamiento',
      'Para: Jordan Alvarez',
      'Adónde ir',
      'Harbor OBOT Clinic',
      'Teléfono: (555) 010-2000',
      'Martes, 10 de noviembre de 2026, 10:00 a. m. EST',
      'Medicamento: buprenorfina, película debajo de la lengua (sublingual)',
      'Jueves, 12 de noviembre de 2026, 12:00 a. m. EST',
      'Es decir, a la medianoche al final del miércoles 11 de noviembre.',
      'lejos de niños y mascotas',
      'vuelva a la sala de emergencias de Riverside Hospital',
      ...p.safetyItems,
    ]) {
      expect(text).toContain(squash(part));
    }
    expect(text).toContain('¿Le falta algo?');
    expect(text).not.toContain(squash(p.gapWarning));
    expect(full).toContain('Página 1 de');
  });

  it('says there is no appointment yet and whom to call', async () => {
    const { text } = await render({ appointment: null, packet: { ...packet, patient: null } });
    expect(text).toContain('No appointment yet: call (555) 010-2000 to make one.');
    expect(text).not.toContain(LETTER_TEXTS.en.patient.gapWarning);
    expect(text).not.toContain('For:');
    const noService = await render({ appointment: null, service: null });
    expect(noService.text).toContain('No appointment yet: ask your care team at Riverside Hospital');
    expect(noService.text).toContain('A clinic has not been chosen yet.');
  });

  it('handles a missing plan, naloxone not given and an injection', async () => {
    const noPlan = await render({ packet: { ...packet, moudPlan: null, coverageEnd: null } });
    expect(noPlan.text).toContain(LETTER_TEXTS.en.patient.noPlan);
    expect(noPlan.text).toContain(LETTER_TEXTS.en.patient.lastsUntilUnknown);
    expect(noPlan.text).not.toContain(LETTER_TEXTS.en.patient.naloxoneNotGiven);
    const plan = packet.moudPlan;
    if (plan === null) throw new Error('fixture');
    const injection = await render({
      packet: {
        ...packet,
        moudPlan: {
          ...plan,
          medication: 'naltrexone_xr',
          formulation: 'er_injection_monthly',
          dose: '380 mg',
          bridge: { kind: 'injection', days: null, doses: null },
          naloxoneGiven: false,
        },
      },
    });
    expect(injection.text).toContain(LETTER_TEXTS.en.patient.nextInjection);
    expect(injection.text).toContain(LETTER_TEXTS.en.patient.naloxoneNotGiven);
    expect(injection.text).toContain(squash(LETTER_TEXTS.en.patient.naloxoneWhere));
    expect(injection.text).not.toContain(LETTER_TEXTS.en.patient.withdrawal);
  });
});

describe('partner letter', () => {
  const partner = { audience: 'partner' as const };

  it('prints the §2.32 statement verbatim in the box at the top, and the whole packet', async () => {
    const { text, bytes } = await render({ ...partner, disclosureStatement: statement1 });
    const p = LETTER_TEXTS.en.partner;
    expect(text).toContain(`${p.noticeHeading} ${squash(statement1)}`);
    expect(text.indexOf(p.noticeHeading)).toBeLessThan(text.indexOf('From Riverside Hospital'));
    for (const part of [
      'Name Jordan Alvarez',
      'Date of birth 1988-04-12',
      'Preferred language Spanish',
      '9 Elm Street, Springfield, MA 01101',
      'Encounter type Emergency department visit',
      'Discharged Tuesday, March 3, 2026, 12:00 PM EST',
      'Medication Buprenorphine',
      'First dose in hospital Tuesday, March 3, 2026, 3:15 AM EST',
      'Bridge supply Prescription, 7 days',
      'Naloxone given Yes',
      'Induced with 8 mg + 8 mg; tolerated well.',
      'Medication coverage ends Tuesday, March 10, 2026, 12:00 AM EDT',
      'Date and time Tuesday, March 10, 2026, 10:30 AM EDT',
      p.gap,
      'Housing; Phone',
      '(555) 010-1111 mobile; no voicemail; texts OK',
      '(555) 010-2222 home; voicemail OK; no texts',
      'Sam Lee Navigator, sam.lee@riverside.example',
    ]) {
      expect(text).toContain(part);
    }
    expect((await PDFDocument.load(bytes)).getTitle()).toBe(p.title);
  });

  it('prints no notice without a statement', async () => {
    const { text } = await render(partner);
    expect(text).not.toContain('2.32');
    expect(text).not.toContain('42 CFR part 2');
  });

  it('prints "not shared" and never the name when the consent does not cover demographics', async () => {
    const { text, bytes } = await render({
      ...partner,
      packet: { ...packet, patient: null, dischargedAt: null, expectedDischargeAt: null },
    });
    expect(text).toContain('Expected discharge Not known');
    expect(text).toContain("Identifying details not shared under the patient's consent");
    for (const hidden of ['Jordan', 'Alvarez', '1988-04-12', '555) 010-1111', 'Elm Street'])
      expect(text).not.toContain(hidden);
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('Alvarez');
  });

  it('prints methadone under the 72-hour rule and an expected discharge, in Spanish', async () => {
    const plan = packet.moudPlan;
    if (plan === null) throw new Error('fixture');
    const { text } = await render({
      ...partner,
      lang: 'es',
      appointment: null,
      packet: {
        ...packet,
        dischargedAt: null,
        expectedDischargeAt: '2026-03-04T15:00:00.000Z',
        moudPlan: {
          ...plan,
          medication: 'methadone',
          formulation: 'oral_liquid',
          bridge: { kind: 'methadone_72h', days: null, doses: 2 },
        },
      },
    });
    expect(text).toContain('Metadona, 2 dosis entregadas según la regla de 72 horas');
    expect(text).toContain('Alta prevista Miércoles, 4 de marzo de 2026, 10:00 a. m. EST');
    expect(text).toContain('Todavía no hay cita.');
    expect(text).toContain('Idioma preferido Español');
  });

  it('wraps long notes across pages without losing text', async () => {
    const plan = packet.moudPlan;
    if (plan === null) throw new Error('fixture');
    const notes = Array.from(
      { length: 120 },
      (_, i) => `Note ${i + 1}: dose ${i % 24} mg observed, no precipitated withdrawal, COWS score stable.`,
    ).join(' ');
    const { text, bytes } = await render({ ...partner, packet: { ...packet, moudPlan: { ...plan, notes } } });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(2);
    expect(text).toContain(squash(notes));
    expect(text).toContain('Sam Lee');
  });
});

describe('output', () => {
  it('is the same bytes for the same input, dated by generatedAt', async () => {
    const a = await renderHandoffLetter({ ...base, audience: 'partner', disclosureStatement: statement1 });
    const b = await renderHandoffLetter({ ...base, audience: 'partner', disclosureStatement: statement1 });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const doc = await PDFDocument.load(a, { updateMetadata: false });
    expect(doc.getCreationDate()?.toISOString()).toBe(base.generatedAt.toISOString());
    expect(doc.getModificationDate()?.toISOString()).toBe(base.generatedAt.toISOString());
  });

  it('has only wording that WinAnsi can draw', () => {
    const strings = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Object.values(value as object).flatMap(strings);
    for (const text of strings([LETTER_TEXTS, LETTER_CODES])) expect(winAnsiSafe(text)).toBe(text);
  });

  it('formats local times in the zone, including noon, midnight and non-times', () => {
    expect(letterDateTime('2026-07-04T16:00:00Z', zone, 'en')).toBe('Saturday, July 4, 2026, 12:00 PM EDT');
    expect(letterDateTime('2026-07-04T04:05:00Z', zone, 'es')).toBe(
      'Sábado, 4 de julio de 2026, 12:05 a. m. EDT',
    );
    expect(letterDateTime('soon', zone, 'en')).toBe('soon');
  });
});
