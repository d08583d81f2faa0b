/**
 * The wording of the two printable handoff letters (`handoff-letter-pdf.ts`), in English and Spanish, as
 * data: the patient's letter (plain language: where and when, what to bring, the medication and when it runs
 * out, what to do if it runs out first, overdose prevention) and the partner's letter (the handoff packet for
 * a partner without a system), plus the words for the transition codes. `{name}` placeholders are filled with
 * `fillTemplate`; dates are written with the `dateTime` and `day` templates from Intl's parts. Every string
 * must be drawable in WinAnsi (Latin-1 plus curly quotes and dashes): Spanish accents, ñ, ¿ and ¡ are; arrows
 * and other symbols are not.
 */
import type { Medication } from '../../domain/directory/vocabulary.ts';
import type { PhoneUse } from '../../domain/patients/vocabulary.ts';
import type {
  BridgeKind,
  CareNeed,
  EncounterType,
  Formulation,
} from '../../domain/transitions/vocabulary.ts';

export type LetterLanguage = 'en' | 'es';

const en = {
  page: 'Page {n} of {m}',
  dateTime: '{weekday}, {month} {day}, {year}, {hour}:{minute} {period} {zone}',
  day: '{weekday}, {month} {day}',
  am: 'AM',
  pm: 'PM',
  patient: {
    title: 'Your next step in treatment',
    footer: 'Keep this letter with you and bring it to your visit.',
    forName: 'For: {name}',
    from: 'From: {hospital}',
    printed: 'Printed: {at}',
    where: 'Where to go',
    place: 'Place: {place}',
    phone: 'Phone: {phone}',
    noService: 'A clinic has not been chosen yet. Ask your care team at {hospital}.',
    when: 'When',
    noAppointmentCall:
      'No appointment yet: call {phone} to make one. Call soon, before your medicine runs out.',
    noAppointment: 'No appointment yet: ask your care team at {hospital} to help you make one, soon.',
    reschedule: 'If you cannot make it, call to change the time. Please do not just skip it.',
    bring: 'What to bring',
    bringItems: [
      'A photo ID, if you have one',
      'Your insurance card, if you have one',
      'Your medicine and this letter',
      'A list of any other medicines you take',
    ],
    bringMissing: 'Missing something? Go anyway, or call the clinic to ask.',
    medicine: 'Your medicine',
    noPlan: 'No medicine details are in this letter. Ask your care team.',
    medication: 'Medicine: {medication}, {formulation}',
    dose: 'Dose: {dose}',
    lastsUntil: 'Your medicine lasts until:',
    lastsUntilUnknown: 'Not written down. Ask your care team when your medicine runs out.',
    midnight: 'That is midnight at the end of {day}.',
    nextInjection: 'Plan to get your next injection before this date.',
    storeSafely: 'Keep your medicine in a safe place, away from children and pets.',
    dontStop: 'Do not stop your medicine on your own. If you want to change it, talk with your clinic first.',
    withdrawal:
      'Stopping suddenly can bring on withdrawal, and it makes an overdose more likely if you use again.',
    runsOut: 'If your medicine may run out before your visit',
    gapWarning: 'Your medicine is set to run out before your visit. Please call the clinic soon.',
    runsOutItems: [
      'Call the clinic as soon as you know. They may see you sooner or help you get more medicine.',
      'If you cannot reach them, or your medicine has already run out, go back to the emergency department at {hospital}, or the nearest one. Emergency departments are open day and night.',
      'Do not wait until you feel very sick, and do not stop your medicine suddenly.',
    ],
    safety: 'Stay safe: preventing overdose',
    naloxoneGiven: 'You were given naloxone (Narcan) at the hospital.',
    naloxoneNotGiven: 'You were not given naloxone (Narcan) at the hospital.',
    naloxoneWhere:
      'Many pharmacies sell naloxone nasal spray without a prescription, and many community programs give it out free.',
    safetyItems: [
      'Carry naloxone, and tell the people close to you where it is and how to use it.',
      'Your tolerance is lower after a hospital stay. An amount you used before can now cause an overdose.',
      'If you use, do not use alone, and keep naloxone nearby.',
      'Mixing opioids with alcohol, benzodiazepines (“benzos”) or sleeping pills makes an overdose more likely.',
      'Call 911 if someone will not wake up, breathes slowly or not at all, or has blue or gray lips. Give naloxone and stay with them.',
      'If you are in crisis or thinking about hurting yourself, call or text 988 (Suicide & Crisis Lifeline), any time.',
    ],
  },
};

type PatientTexts = typeof en;

const es: PatientTexts = {
  page: 'Página {n} de {m}',
  dateTime: '{weekday}, {day} de {month} de {year}, {hour}:{minute} {period} {zone}',
  day: '{weekday} {day} de {month}',
  am: 'a. m.',
  pm: 'p. m.',
  patient: {
    title: 'Su próximo paso en el tratamiento',
    footer: 'Guarde esta carta y llévela a su cita.',
    forName: 'Para: {name}',
    from: 'De: {hospital}',
    printed: 'Impresa: {at}',
    where: 'Adónde ir',
    place: 'Lugar: {place}',
    phone: 'Teléfono: {phone}',
    noService: 'Todavía no se ha elegido una clínica. Pregunte a su equipo de atención en {hospital}.',
    when: 'Cuándo',
    noAppointmentCall:
      'Todavía no tiene cita: llame al {phone} para hacer una. Llame pronto, antes de que se le acabe el medicamento.',
    noAppointment:
      'Todavía no tiene cita: pida pronto a su equipo de atención en {hospital} que le ayude a hacer una.',
    reschedule: 'Si no puede ir, llame para cambiar la hora. Por favor, no falte sin avisar.',
    bring: 'Qué llevar',
    bringItems: [
      'Una identificación con foto, si tiene una',
      'Su tarjeta del seguro médico, si tiene una',
      'Su medicamento y esta carta',
      'Una lista de los otros medicamentos que toma',
    ],
    bringMissing: '¿Le falta algo? Vaya de todos modos, o llame a la clínica para preguntar.',
    medicine: 'Su medicamento',
    noPlan: 'Esta carta no tiene los datos de su medicamento. Pregunte a su equipo de atención.',
    medication: 'Medicamento: {medication}, {formulation}',
    dose: 'Dosis: {dose}',
    lastsUntil: 'Su medicamento le alcanza hasta:',
    lastsUntilUnknown: 'No está anotado. Pregunte a su equipo de atención cuándo se le acaba el medicamento.',
    midnight: 'Es decir, a la medianoche al final del {day}.',
    nextInjection: 'Planee recibir su próxima inyección antes de esta fecha.',
    storeSafely: 'Guarde su medicamento en un lugar seguro, lejos de niños y mascotas.',
    dontStop: 'No deje su medicamento por su cuenta. Si quiere cambiarlo, hable primero con su clínica.',
    withdrawal:
      'Dejarlo de repente puede causar síntomas de abstinencia y hace más probable una sobredosis si vuelve a consumir.',
    runsOut: 'Si su medicamento se puede acabar antes de su cita',
    gapWarning: 'Su medicamento se acabará antes de su cita. Por favor, llame pronto a la clínica.',
    runsOutItems: [
      'Llame a la clínica en cuanto lo sepa. Tal vez puedan verle antes o ayudarle a conseguir más medicamento.',
      'Si no logra comunicarse, o si ya se le acabó el medicamento, vuelva a la sala de emergencias de {hospital} o a la más cercana. Las salas de emergencias atienden de día y de noche.',
      'No espere a sentirse muy mal, y no deje su medicamento de repente.',
    ],
    safety: 'Cuídese: cómo prevenir una sobredosis',
    naloxoneGiven: 'En el hospital le dieron naloxona (Narcan).',
    naloxoneNotGiven: 'En el hospital no le dieron naloxona (Narcan).',
    naloxoneWhere:
      'Muchas farmacias venden naloxona en aerosol nasal sin receta, y muchos programas comunitarios la regalan.',
    safetyItems: [
      'Lleve naloxona consigo, y diga a las personas cercanas dónde la tiene y cómo usarla.',
      'Su tolerancia es más baja después de estar en el hospital. Una cantidad que usaba antes ahora puede causar una sobredosis.',
      'Si consume, no lo haga a solas, y tenga naloxona a mano.',
      'Mezclar opioides con alcohol, benzodiacepinas (“benzos”) o pastillas para dormir hace más probable una sobredosis.',
      'Llame al 911 si alguien no despierta, respira despacio o no respira, o tiene los labios azules o grises. Dele naloxona y quédese con la persona.',
      '¿Está en crisis o piensa en hacerse daño? Llame o envíe un texto al 988 (Línea 988 de Prevención del Suicidio y Crisis), a cualquier hora. Para español, oprima 2.',
    ],
  },
};

/** The words for the transition codes, side by side as [English, Spanish]. */
type Pair = readonly [en: string, es: string];
const CODE_WORDS = {
  medications: {
    buprenorphine: ['buprenorphine', 'buprenorfina'],
    methadone: ['methadone', 'metadona'],
    naltrexone_xr: ['extended-release naltrexone', 'naltrexona de liberación prolongada'],
  } satisfies Record<Medication, Pair>,
  formulations: {
    sublingual_film: ['film under the tongue (sublingual)', 'película debajo de la lengua (sublingual)'],
    sublingual_tablet: ['tablet under the tongue (sublingual)', 'tableta debajo de la lengua (sublingual)'],
    buccal_film: ['film inside the cheek (buccal)', 'película dentro de la mejilla (bucal)'],
    oral_liquid: ['liquid by mouth', 'líquido por la boca'],
    oral_tablet: ['tablet by mouth', 'tableta por la boca'],
    er_injection_weekly: ['weekly extended-release injection', 'inyección semanal de liberación prolongada'],
    er_injection_monthly: [
      'monthly extended-release injection',
      'inyección mensual de liberación prolongada',
    ],
  } satisfies Record<Formulation, Pair>,
  encounterTypes: {
    ed: ['Emergency department visit', 'Visita a emergencias'],
    inpatient: ['Inpatient admission', 'Hospitalización'],
    observation: ['Observation stay', 'Estancia en observación'],
  } satisfies Record<EncounterType, Pair>,
  careNeeds: {
    housing: ['Housing', 'Vivienda'],
    transportation: ['Transportation', 'Transporte'],
    phone: ['Phone', 'Teléfono'],
    food: ['Food', 'Alimentos'],
    insurance_enrollment: ['Insurance enrollment', 'Inscripción en un seguro médico'],
    mental_health: ['Mental health care', 'Atención de salud mental'],
    childcare: ['Childcare', 'Cuidado de niños'],
    identification: ['Identification documents', 'Documentos de identidad'],
    legal: ['Legal help', 'Ayuda legal'],
    wound_care: ['Wound care', 'Cuidado de heridas'],
  } satisfies Record<CareNeed, Pair>,
  bridges: {
    prescription: ['Prescription, {days} days', 'Receta, {days} días'],
    methadone_72h: [
      'Methadone, {doses} dose(s) dispensed under the 72-hour rule',
      'Metadona, {doses} dosis entregadas según la regla de 72 horas',
    ],
    injection: [
      'Extended-release injection given in hospital',
      'Inyección de liberación prolongada aplicada en el hospital',
    ],
    none: ['None', 'Ninguno'],
  } satisfies Record<BridgeKind, Pair>,
  phoneUses: {
    mobile: ['mobile', 'móvil'],
    home: ['home', 'casa'],
    work: ['work', 'trabajo'],
    other: ['other', 'otro'],
  } satisfies Record<PhoneUse, Pair>,
};

export type LetterCodes = { [G in keyof typeof CODE_WORDS]: Record<keyof (typeof CODE_WORDS)[G], string> };

/** One language's side of a table of pairs. */
const pick = <K extends string>(words: Record<K, Pair>, lang: LetterLanguage): Record<K, string> =>
  Object.fromEntries(
    Object.entries<Pair>(words).map(([key, pair]) => [key, pair[lang === 'es' ? 1 : 0]]),
  ) as Record<K, string>;

const codesIn = (lang: LetterLanguage): LetterCodes =>
  Object.fromEntries(
    Object.entries<Record<string, Pair>>(CODE_WORDS).map(([group, words]) => [group, pick(words, lang)]),
  ) as LetterCodes;

/** The code words in each language, e.g. `LETTER_CODES.es.medications.methadone` is "metadona". */
export const LETTER_CODES: Record<LetterLanguage, LetterCodes> = { en: codesIn('en'), es: codesIn('es') };

/** The words of the partner letter, side by side as [English, Spanish]. */
const PARTNER_WORDS = {
  title: [
    'Handoff letter: medication for opioid use disorder (MOUD)',
    'Carta de traspaso: medicamentos para el trastorno por consumo de opioides (MOUD)',
  ],
  footer: [
    'Confidential health information about a patient.',
    'Información de salud confidencial sobre un paciente.',
  ],
  noticeHeading: ['Notice to recipient (42 CFR § 2.32)', 'Aviso al destinatario (42 CFR § 2.32)'],
  from: ['From', 'De'],
  to: ['To', 'Para'],
  printed: ['Printed', 'Impresa'],
  packet: ['Handoff packet', 'Paquete de traspaso'],
  packetVersion: ['Version {version} of {at}', 'Versión {version} del {at}'],
  zoneNote: [
    "Times are the hospital's local time ({zone}).",
    'Las horas son la hora local del hospital ({zone}).',
  ],
  patient: ['Patient', 'Paciente'],
  notShared: [
    "Identifying details not shared under the patient's consent",
    'Datos de identificación no compartidos según el consentimiento del paciente',
  ],
  name: ['Name', 'Nombre'],
  birthDate: ['Date of birth', 'Fecha de nacimiento'],
  language: ['Preferred language', 'Idioma preferido'],
  address: ['Address', 'Dirección'],
  housing: ['Housing', 'Vivienda'],
  unhoused: ['Experiencing homelessness', 'Sin vivienda'],
  stay: ['Hospital stay', 'Estancia en el hospital'],
  hospital: ['Hospital', 'Hospital'],
  encounter: ['Encounter type', 'Tipo de atención'],
  discharged: ['Discharged', 'Alta'],
  expectedDischarge: ['Expected discharge', 'Alta prevista'],
  notKnown: ['Not known', 'Desconocida'],
  plan: ['MOUD plan', 'Plan de MOUD'],
  noPlan: ['No MOUD plan recorded.', 'No hay un plan de MOUD registrado.'],
  medication: ['Medication', 'Medicamento'],
  formulation: ['Formulation', 'Presentación'],
  dose: ['Dose', 'Dosis'],
  firstDose: ['First dose in hospital', 'Primera dosis en el hospital'],
  lastDose: ['Last dose in hospital', 'Última dosis en el hospital'],
  bridge: ['Bridge supply', 'Suministro puente'],
  naloxone: ['Naloxone given', 'Naloxona entregada'],
  yes: ['Yes', 'Sí'],
  no: ['No', 'No'],
  notes: ['Notes', 'Notas'],
  coverageEnd: ['Medication coverage ends', 'Fin de la cobertura del medicamento'],
  appointment: ['First appointment', 'Primera cita'],
  noAppointment: ['No appointment booked yet.', 'Todavía no hay cita.'],
  gap: [
    'Coverage gap: the medication runs out before this appointment.',
    'Brecha de cobertura: el medicamento se acaba antes de esta cita.',
  ],
  at: ['Date and time', 'Fecha y hora'],
  place: ['Place', 'Lugar'],
  needs: ['Care needs', 'Necesidades de atención'],
  noNeeds: ['None recorded.', 'Ninguna registrada.'],
  contact: ['Safe-contact preferences', 'Preferencias de contacto seguro'],
  noPhones: ['No phone numbers on file.', 'No hay números de teléfono registrados.'],
  voicemailOk: ['voicemail OK', 'se puede dejar mensaje de voz'],
  noVoicemail: ['no voicemail', 'sin mensajes de voz'],
  textOk: ['texts OK', 'se pueden enviar textos'],
  noText: ['no texts', 'sin textos'],
  senders: ['Sender contacts', 'Contactos del remitente'],
  noSenders: ['None listed.', 'Ninguno.'],
} satisfies Record<string, Pair>;

export const LETTER_TEXTS = {
  en: { ...en, partner: pick(PARTNER_WORDS, 'en') },
  es: { ...es, partner: pick(PARTNER_WORDS, 'es') },
} satisfies Record<LetterLanguage, PatientTexts & { partner: Record<string, string> }>;
export type LetterTexts = (typeof LETTER_TEXTS)['en'];
