/**
 * The handoff packet as sent to the partner (its latest version): the patient's contact block when the
 * consent covers demographics, the hospital stay, the MOUD plan and coverage end, care needs, and whom to
 * call on each side.
 */
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactView, PacketView } from '../../api/transitions.ts';
import { SectionCard } from '../../components/section-card.tsx';
import { useLabels } from '../../components/use-labels.ts';
import { usePatientLabels } from '../patients/patient-labels.ts';
import { FactsTable } from './facts-table.tsx';
import { PlanFacts } from './plan-card.tsx';
import { useTransitionLabels } from './transition-labels.ts';

export function PacketSection({
  packet,
  receiverContacts,
}: {
  packet: PacketView | null;
  receiverContacts: ContactView[];
}) {
  const { t } = useTranslation();
  const labels = useTransitionLabels();
  const patientLabels = usePatientLabels();
  if (!packet) {
    return (
      <SectionCard title={t('transitions.packet.heading')}>
        <Text>{t('transitions.packet.none')}</Text>
      </SectionCard>
    );
  }
  const p = packet.patient;
  return (
    <SectionCard title={t('transitions.packet.heading')}>
      <Stack data-testid="packet">
        <Text size="sm">
          {t('transitions.packet.version', {
            version: packet.version,
            at: labels.dateTime(packet.createdAt),
          })}
        </Text>
        {p ? (
          <FactsTable
            label={t('transitions.packet.patient')}
            rows={[
              [t('transitions.fields.patient'), p.name],
              [t('transitions.packet.birthDate'), labels.day(p.birthDate)],
              [t('transitions.packet.language'), patientLabels.languageName(p.preferredLanguage)],
              [
                t('transitions.packet.phones'),
                p.phones.length
                  ? p.phones.map((ph) => `${ph.number} (${patientLabels.phoneUse(ph.use)})`).join(', ')
                  : '—',
              ],
              [
                t('transitions.packet.address'),
                p.unhoused
                  ? t('transitions.packet.unhoused')
                  : p.address
                    ? `${p.address.street}, ${p.address.city}, ${p.address.state} ${p.address.postalCode}`
                    : '—',
              ],
            ]}
          />
        ) : (
          <Text size="sm">{t('transitions.packet.noDemographics')}</Text>
        )}
        <FactsTable
          label={t('transitions.packet.stay')}
          rows={[
            [t('transitions.fields.hospital'), packet.hospital.name],
            [t('transitions.fields.encounterType'), labels.encounterType(packet.encounterType)],
            [t('transitions.fields.expectedDischargeAt'), labels.dateTime(packet.expectedDischargeAt)],
            [t('transitions.fields.dischargedAt'), labels.dateTime(packet.dischargedAt)],
            [t('transitions.fields.coverageEnd'), labels.dateTime(packet.coverageEnd)],
            [
              t('transitions.fields.careNeeds'),
              packet.careNeeds.length ? packet.careNeeds.map((n) => labels.careNeed(n)).join(', ') : '—',
            ],
          ]}
        />
        <Title order={3} size="h5">
          {t('transitions.plan.heading')}
        </Title>
        <PlanFacts plan={packet.moudPlan} label={t('transitions.packet.plan')} />
        <Contacts title={t('transitions.packet.senderContacts')} contacts={packet.senderContacts} />
        <Contacts title={t('transitions.packet.receiverContacts')} contacts={receiverContacts} />
      </Stack>
    </SectionCard>
  );
}

function Contacts({ title, contacts }: { title: string; contacts: ContactView[] }) {
  const labels = useLabels();
  return (
    <Stack gap={2}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {contacts.length === 0 ? <Text size="sm">—</Text> : null}
      {contacts.map((c, i) => (
        <Text key={`${c.name}-${i}`} size="sm">
          {[c.name, labels.role(c.role), c.email].filter(Boolean).join(' · ')}
        </Text>
      ))}
    </Stack>
  );
}
