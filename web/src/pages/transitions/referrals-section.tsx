/**
 * A transition's referrals: each partner and service with both sides' status, the acknowledgement deadline
 * (flagged when overdue), the booked appointment and the partner's letter; the form to refer to one more
 * service; and the handoff letters for the patient in English and Spanish.
 */
import { Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { packetPdfUrl, type ReferralSummary, type TransitionView } from '../../api/transitions.ts';
import { ListTable } from '../../components/list-table.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { AddReferralForm } from './add-referral-form.tsx';
import { ReferralStatusBadge } from './badges.tsx';
import { useTransitionAccess, useTransitionLabels } from './transition-labels.ts';

export function ReferralsSection({ transition }: { transition: TransitionView }) {
  const { t } = useTranslation();
  const labels = useTransitionLabels();
  const access = useTransitionAccess();
  return (
    <SectionCard title={t('transitions.referrals.heading')}>
      <Stack>
        <ListTable<ReferralSummary>
          label={t('transitions.referrals.table')}
          records={transition.referrals}
          idAccessor="id"
          emptyText={t('transitions.referrals.none')}
          columns={[
            {
              accessor: 'receiver.name',
              title: t('transitions.referrals.partner'),
              render: (r) => (
                <Stack gap={2}>
                  <Anchor component={Link} to={`/referrals/${encodeURIComponent(r.id)}`}>
                    {r.receiver.name}
                  </Anchor>
                  <Text size="xs">{r.service.name}</Text>
                </Stack>
              ),
            },
            {
              accessor: 'status',
              noWrap: true,
              title: t('transitions.fields.status'),
              render: (r) => (
                <Group gap={4}>
                  <ReferralStatusBadge status={r.status} />
                  {r.urgency === 'urgent' ? (
                    <Badge color="red" variant="light" tt="none">
                      {labels.urgency('urgent')}
                    </Badge>
                  ) : null}
                </Group>
              ),
            },
            {
              accessor: 'sentAt',
              title: t('transitions.fields.sentAt'),
              render: (r) => labels.dateTime(r.sentAt),
            },
            {
              accessor: 'ackDueAt',
              title: t('transitions.fields.ackDue'),
              render: (r) => (
                <Group gap={4}>
                  <Text size="sm">{labels.dateTime(r.ackDueAt)}</Text>
                  {r.ackOverdue ? (
                    <Badge color="red" variant="light" tt="none">
                      {t('transitions.ack.overdue')}
                    </Badge>
                  ) : null}
                </Group>
              ),
            },
            {
              accessor: 'appointment',
              title: t('transitions.fields.appointment'),
              render: (r) =>
                r.appointment
                  ? [labels.dateTime(r.appointment.at), r.appointment.place].filter(Boolean).join(' · ')
                  : '—',
            },
            {
              accessor: 'letter',
              title: t('transitions.letters.partnerColumn'),
              render: (r) => (
                <Anchor
                  href={packetPdfUrl(transition.id, { audience: 'partner', lang: 'en', referral: r.id })}
                  target="_blank"
                  rel="noreferrer"
                  aria-label={t('transitions.letters.partnerFor', { name: r.receiver.name })}
                >
                  {t('transitions.letters.partner')}
                </Anchor>
              ),
            },
          ]}
        />
        <Letters transition={transition} />
        {access.canSend && transition.status === 'open' ? (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('transitions.refer.heading')}
            </Title>
            <AddReferralForm transition={transition} />
          </Stack>
        ) : null}
      </Stack>
    </SectionCard>
  );
}

function Letters({ transition }: { transition: TransitionView }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} id={`letters-${transition.id}`}>
        {t('transitions.letters.heading')}
      </Text>
      <List size="sm" aria-labelledby={`letters-${transition.id}`}>
        <List.Item>
          <Anchor
            href={packetPdfUrl(transition.id, { audience: 'patient', lang: 'en' })}
            target="_blank"
            rel="noreferrer"
          >
            {t('transitions.letters.patientEn')}
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor
            href={packetPdfUrl(transition.id, { audience: 'patient', lang: 'es' })}
            target="_blank"
            rel="noreferrer"
          >
            {t('transitions.letters.patientEs')}
          </Anchor>
        </List.Item>
      </List>
    </Stack>
  );
}
