/**
 * The two printable handoff letters as PDFs, in English or Spanish (`programs.md` §5.12, the paper fallback):
 * - the patient's letter, in plain language and large type: where and when the first visit is, what to bring,
 *   the medication and when it runs out, what to do if it runs out before the visit, overdose prevention;
 * - the partner's letter, for a partner without a system: the handoff packet as the consent allows (patient
 *   identification only when the packet carries it), the MOUD plan, coverage end, appointment, care needs,
 *   safe-contact preferences and sender contacts, headed by the §2.32 Statement 1 when one is given.
 * Pure: everything comes from the input; dates and times print in the hospital's time zone, and the same
 * input gives the same bytes. Wording is in `handoff-letter-texts.ts`.
 */
import type { AppointmentView, PacketView } from '../../domain/transitions/views.ts';
import { LETTER_CODES, LETTER_TEXTS } from './handoff-letter-texts.ts';
import type { LetterLanguage, LetterTexts } from './handoff-letter-texts.ts';
import { createPdfWriter, fillTemplate } from './pdf-layout.ts';
import type { PdfWriter } from './pdf-layout.ts';

export interface HandoffLetterInput {
  audience: 'patient' | 'partner';
  lang: LetterLanguage;
  /** The hospital's IANA time zone; every date and time prints in it. */
  timeZone: string;
  generatedAt: Date;
  packet: PacketView;
  /** The first booked appointment, if any. */
  appointment: AppointmentView | null;
  /** The partner service the patient goes to. */
  service: { name: string; organizationName: string; address: string | null; phone: string | null } | null;
  /** The §2.32 Statement 1, printed verbatim at the top of the partner letter when non-null. */
  disclosureStatement: string | null;
}

/** Patient letter type sizes (points): large and plain. */
const [TITLE, HEADING, LARGE, BODY] = [20, 15, 14, 13];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local parts of an instant in a zone, by the language's month and weekday names. */
function localParts(at: Date, timeZone: string, lang: LetterLanguage): Record<string, string> {
  const key = `${lang}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'es' ? 'es-US' : 'en-US', {
      timeZone,
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(key, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(at)) parts[part.type] = part.value;
  return parts;
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** An ISO instant as a local date and time with the zone's abbreviation; anything else as given. */
export function letterDateTime(value: string | Date, timeZone: string, lang: LetterLanguage): string {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return String(value);
  const texts = LETTER_TEXTS[lang];
  const parts = localParts(at, timeZone, lang);
  const hour24 = Number(parts.hour ?? 0) % 24;
  return capitalize(
    fillTemplate(texts.dateTime, {
      weekday: parts.weekday ?? '',
      month: parts.month ?? '',
      day: parts.day ?? '',
      year: parts.year ?? '',
      hour: hour24 % 12 === 0 ? 12 : hour24 % 12,
      minute: parts.minute ?? '00',
      period: hour24 < 12 ? texts.am : texts.pm,
      zone: parts.timeZoneName ?? timeZone,
    }),
  );
}

/** The local day just before an instant that falls on local midnight, e.g. "Saturday, March 7"; else null. */
function dayEndingAt(value: string, timeZone: string, lang: LetterLanguage): string | null {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return null;
  const parts = localParts(at, timeZone, lang);
  if (Number(parts.hour ?? -1) % 24 !== 0 || parts.minute !== '00') return null;
  const before = localParts(new Date(at.getTime() - 60_000), timeZone, lang);
  return fillTemplate(LETTER_TEXTS[lang].day, {
    weekday: before.weekday ?? '',
    month: before.month ?? '',
    day: before.day ?? '',
  });
}

/** A language code such as "es" as its name in the letter's language; anything else as given. */
function languageName(code: string, lang: LetterLanguage): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(code);
    return name === undefined || name.toLowerCase() === code.toLowerCase() ? code : capitalize(name);
  } catch {
    return code;
  }
}

/** The appointment comes after the end of the medication supply. */
function supplyEndsFirst(input: HandoffLetterInput): boolean {
  const end = input.packet.coverageEnd;
  if (end === null || input.appointment === null) return false;
  return new Date(end).getTime() < new Date(input.appointment.at).getTime();
}

function writePatientLetter(w: PdfWriter, input: HandoffLetterInput, t: LetterTexts) {
  const { packet, appointment, service, timeZone, lang } = input;
  const p = t.patient;
  const codes = LETTER_CODES[lang];
  const hospital = packet.hospital.name;
  const at = (value: string) => letterDateTime(value, timeZone, lang);
  const text = (value: string, options: { bold?: boolean; size?: number } = {}) =>
    w.paragraph(value, { size: BODY, ...options });
  const heading = (value: string) => {
    w.space(6);
    w.paragraph(value, { size: HEADING, bold: true });
  };
  const bullets = (items: readonly string[]) => {
    for (const item of items) w.paragraph(`• ${fillTemplate(item, { hospital })}`, { size: BODY, indent: 8 });
  };

  w.paragraph(p.title, { size: TITLE, bold: true });
  if (packet.patient !== null) text(fillTemplate(p.forName, { name: packet.patient.name }), { bold: true });
  text(fillTemplate(p.from, { hospital }));
  text(fillTemplate(p.printed, { at: at(input.generatedAt.toISOString()) }), { size: BODY - 2 });

  heading(p.where);
  if (service === null) text(fillTemplate(p.noService, { hospital }));
  else {
    text(service.name, { bold: true, size: LARGE });
    if (service.organizationName !== service.name) text(service.organizationName);
    if (service.address !== null) text(service.address);
    if (service.phone !== null) text(fillTemplate(p.phone, { phone: service.phone }), { bold: true });
  }
  if (appointment?.place) text(fillTemplate(p.place, { place: appointment.place }));

  heading(p.when);
  if (appointment !== null) {
    text(at(appointment.at), { bold: true, size: LARGE });
    if (appointment.notes) text(appointment.notes);
    text(p.reschedule);
  } else if (service?.phone)
    text(fillTemplate(p.noAppointmentCall, { phone: service.phone }), { bold: true });
  else text(fillTemplate(p.noAppointment, { hospital }), { bold: true });

  heading(p.bring);
  bullets(p.bringItems);
  text(p.bringMissing);

  heading(p.medicine);
  const plan = packet.moudPlan;
  if (plan === null) text(p.noPlan);
  else {
    const medication = codes.medications[plan.medication];
    text(fillTemplate(p.medication, { medication, formulation: codes.formulations[plan.formulation] }));
    text(fillTemplate(p.dose, { dose: plan.dose }));
  }
  text(p.lastsUntil, { bold: true });
  if (packet.coverageEnd === null) text(p.lastsUntilUnknown, { size: LARGE });
  else {
    text(at(packet.coverageEnd), { bold: true, size: LARGE });
    const day = dayEndingAt(packet.coverageEnd, timeZone, lang);
    if (day !== null) text(fillTemplate(p.midnight, { day }));
  }
  const injection = plan?.formulation.startsWith('er_injection') ?? false;
  if (injection) text(p.nextInjection);
  else if (plan !== null) text(p.storeSafely);
  text(p.dontStop);
  if (plan !== null && plan.medication !== 'naltrexone_xr') text(p.withdrawal);

  heading(p.runsOut);
  if (supplyEndsFirst(input)) text(p.gapWarning, { bold: true });
  bullets(p.runsOutItems);

  heading(p.safety);
  if (plan?.naloxoneGiven) text(p.naloxoneGiven, { bold: true });
  else {
    if (plan !== null) text(p.naloxoneNotGiven, { bold: true });
    text(p.naloxoneWhere);
  }
  bullets(p.safetyItems);
}

function writePartnerLetter(w: PdfWriter, input: HandoffLetterInput, t: LetterTexts) {
  const { packet, appointment, service, timeZone, lang } = input;
  const p = t.partner;
  const codes = LETTER_CODES[lang];
  const at = (value: string | null) => (value === null ? p.notKnown : letterDateTime(value, timeZone, lang));

  w.paragraph(p.title, { size: 15, bold: true });
  if (input.disclosureStatement !== null) {
    w.table([{ header: p.noticeHeading, width: 1 }], [[input.disclosureStatement]]);
  }
  w.field(p.from, packet.hospital.name);
  w.field(p.to, service === null ? p.notKnown : `${service.name} (${service.organizationName})`);
  w.field(p.printed, at(input.generatedAt.toISOString()));
  w.field(p.packet, fillTemplate(p.packetVersion, { version: packet.version, at: at(packet.createdAt) }));
  w.paragraph(fillTemplate(p.zoneNote, { zone: timeZone }), { size: 9 });

  w.heading(p.patient);
  const patient = packet.patient;
  if (patient === null) w.paragraph(p.notShared, { bold: true });
  else {
    w.field(p.name, patient.name);
    w.field(p.birthDate, patient.birthDate);
    w.field(p.language, languageName(patient.preferredLanguage, lang));
    const a = patient.address;
    if (a !== null) w.field(p.address, `${a.street}, ${a.city}, ${a.state} ${a.postalCode}`);
    if (patient.unhoused) w.field(p.housing, p.unhoused);
  }

  w.heading(p.stay);
  w.field(p.hospital, packet.hospital.name);
  w.field(p.encounter, codes.encounterTypes[packet.encounterType]);
  if (packet.dischargedAt !== null) w.field(p.discharged, at(packet.dischargedAt));
  else w.field(p.expectedDischarge, at(packet.expectedDischargeAt));

  w.heading(p.plan);
  const plan = packet.moudPlan;
  if (plan === null) w.paragraph(p.noPlan);
  else {
    w.field(p.medication, capitalize(codes.medications[plan.medication]));
    w.field(p.formulation, codes.formulations[plan.formulation]);
    w.field(p.dose, plan.dose);
    w.field(p.firstDose, at(plan.firstDoseAt));
    w.field(p.lastDose, at(plan.lastDoseAt));
    const supply = { days: plan.bridge.days ?? '?', doses: plan.bridge.doses ?? '?' };
    w.field(p.bridge, fillTemplate(codes.bridges[plan.bridge.kind], supply));
    w.field(p.naloxone, plan.naloxoneGiven ? p.yes : p.no);
  }
  w.field(p.coverageEnd, at(packet.coverageEnd));
  if (plan?.notes) {
    w.paragraph(p.notes, { bold: true });
    w.paragraph(plan.notes);
  }

  w.heading(p.appointment);
  if (appointment === null) w.paragraph(p.noAppointment);
  else {
    w.field(p.at, at(appointment.at));
    if (supplyEndsFirst(input)) w.paragraph(p.gap, { bold: true });
    const place = appointment.place ?? service?.address ?? null;
    if (place !== null) w.field(p.place, place);
    if (appointment.notes) w.field(p.notes, appointment.notes);
  }

  w.heading(p.needs);
  w.paragraph(
    packet.careNeeds.length === 0 ? p.noNeeds : packet.careNeeds.map((n) => codes.careNeeds[n]).join('; '),
  );

  w.heading(p.contact);
  if (patient === null) w.paragraph(p.notShared);
  else if (patient.phones.length === 0) w.paragraph(p.noPhones);
  else {
    for (const phone of patient.phones) {
      const flags = [phone.voicemailOk ? p.voicemailOk : p.noVoicemail, phone.textOk ? p.textOk : p.noText];
      w.field(phone.number, `${codes.phoneUses[phone.use]}; ${flags.join('; ')}`);
    }
  }

  w.heading(p.senders);
  if (packet.senderContacts.length === 0) w.paragraph(p.noSenders);
  for (const contact of packet.senderContacts) {
    w.field(contact.name, [contact.role, contact.email].filter((part) => part !== null).join(', '));
  }
}

/** The patient's or the partner's handoff letter as PDF bytes. */
export async function renderHandoffLetter(input: HandoffLetterInput): Promise<Uint8Array> {
  const t = LETTER_TEXTS[input.lang];
  const patient = input.audience === 'patient';
  const w = await createPdfWriter({
    title: patient ? t.patient.title : t.partner.title,
    language: input.lang === 'es' ? 'es-US' : 'en-US',
    footer: patient ? t.patient.footer : t.partner.footer,
    pageLabel: (n, m) => fillTemplate(t.page, { n, m }),
    createdAt: input.generatedAt,
  });
  if (patient) writePatientLetter(w, input, t);
  else writePartnerLetter(w, input, t);
  return w.finish();
}
