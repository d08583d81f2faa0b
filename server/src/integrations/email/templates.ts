/**
 * The text of Handoff's e-mails. They carry a link and never PHI: no patient names, dates or
 * notes, ever. English and Spanish.
 */
import type { EmailMessage } from '../../app/outbox/enqueue-email.ts';

type Locale = 'en' | 'es';
const pick = (locale: string): Locale => (locale === 'es' ? 'es' : 'en');

export function invitationEmail(
  to: string,
  organizationName: string,
  link: string,
  locale = 'en',
): EmailMessage {
  return pick(locale) === 'es'
    ? {
        to,
        subject: `Invitación a Handoff: ${organizationName}`,
        text: `Le han invitado a unirse a ${organizationName} en Handoff.\n\nAbra este enlace para aceptar (vence en 7 días):\n${link}\n\nSi no esperaba esta invitación, ignore este mensaje.\n`,
      }
    : {
        to,
        subject: `You are invited to ${organizationName} on Handoff`,
        text: `You have been invited to join ${organizationName} on Handoff.\n\nOpen this link to accept (it expires in 7 days):\n${link}\n\nIf you did not expect this invitation, ignore this message.\n`,
      };
}

export function passwordResetEmail(to: string, link: string, locale = 'en'): EmailMessage {
  return pick(locale) === 'es'
    ? {
        to,
        subject: 'Restablecer su contraseña de Handoff',
        text: `Alguien pidió restablecer la contraseña de esta cuenta.\n\nAbra este enlace para elegir una nueva (vence en 1 hora):\n${link}\n\nSi no fue usted, ignore este mensaje; su contraseña no cambia.\n`,
      }
    : {
        to,
        subject: 'Reset your Handoff password',
        text: `Someone asked to reset the password of this account.\n\nOpen this link to choose a new one (it expires in 1 hour):\n${link}\n\nIf this was not you, ignore this message; your password stays the same.\n`,
      };
}
