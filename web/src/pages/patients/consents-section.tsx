/**
 * The patient's consents, for the holding organization: one plain sentence per recipient ("<Org> can
 * see <information> for <purposes> until <date or event>") with its state, and the actions — record a
 * consent, revoke it (whole or for some recipients, from a written request), print the signed form, and
 * print a blank paper form in English or Spanish.
 */
import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  blankConsentFormUrl,
  CONSENT_LANGUAGES,
  CONSENT_TYPES,
  consentFormUrl,
  listConsents,
  type ConsentState,
  type ConsentView,
} from '../../api/consents.ts';
import type { PatientView } from '../../api/patients.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import {
  recipientState,
  revocableRecipients,
  STATE_COLORS,
  usePatientAccess,
  usePatientLabels,
  useRecipientName,
  useScopeSentence,
} from './patient-labels.ts';
import { consentsKey } from './patient-queries.ts';
import { RevokeConsentModal } from './revoke-consent-modal.tsx';

export function ConsentStateBadge({ state }: { state: ConsentState }) {
  const labels = usePatientLabels();
  return (
    <Badge
      color={STATE_COLORS[state]}
      variant="light"
      tt="none"
      data-testid="consent-state"
      data-state={state}
    >
      {labels.state(state)}
    </Badge>
  );
}

export function ConsentsSection({ patient }: { patient: PatientView }) {
  const { t } = useTranslation();
  const access = usePatientAccess();
  const consents = useQuery({ queryKey: consentsKey(patient.id), queryFn: () => listConsents(patient.id) });
  const [revoking, setRevoking] = useState<ConsentView | null>(null);
  const items = consents.data?.items ?? [];

  return (
    <SectionCard title={t('patients.consents.heading')}>
      <Stack>
        <Text size="sm">{t('patients.consents.intro')}</Text>
        {access.canRecordConsent ? (
          <div>
            <Button component={Link} to={`/patients/${encodeURIComponent(patient.id)}/consents/new`}>
              {t('patients.consents.record')}
            </Button>
          </div>
        ) : null}
        <ErrorAlert error={consents.error} />
        {consents.isSuccess && items.length === 0 ? <Text>{t('patients.consents.none')}</Text> : null}
        {items.map((consent) => (
          <ConsentCard
            key={consent.id}
            consent={consent}
            canRevoke={access.canRevoke}
            canPrint={access.canRecordConsent}
            onRevoke={() => setRevoking(consent)}
          />
        ))}
        {access.canRecordConsent ? <BlankForms patientId={patient.id} /> : null}
      </Stack>
      {revoking ? (
        <RevokeConsentModal patientId={patient.id} consent={revoking} onClose={() => setRevoking(null)} />
      ) : null}
    </SectionCard>
  );
}

/** Blank paper forms of each consent type, in English and Spanish, to sign by hand and scan in. */
function BlankForms({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const headingId = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} id={headingId}>
        {t('patients.consents.blankForms')}
      </Text>
      <Text size="sm">{t('patients.consents.blankFormsHint')}</Text>
      <List size="sm" aria-labelledby={headingId}>
        {CONSENT_TYPES.map((type) => (
          <List.Item key={type}>
            {labels.consentType(type)}:{' '}
            {CONSENT_LANGUAGES.map((language, i) => (
              <span key={language}>
                {i > 0 ? ' · ' : null}
                <Anchor
                  size="sm"
                  href={blankConsentFormUrl(patientId, type, language)}
                  target="_blank"
                  rel="noreferrer"
                  aria-label={t('patients.consents.blankFormLink', {
                    type: labels.consentType(type),
                    language: labels.consentLanguage(language),
                  })}
                >
                  {labels.consentLanguage(language)}
                </Anchor>
              </span>
            ))}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function ConsentCard({
  consent: c,
  canRevoke,
  canPrint,
  onRevoke,
}: {
  consent: ConsentView;
  canRevoke: boolean;
  canPrint: boolean;
  onRevoke: () => void;
}) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const recipientName = useRecipientName();
  const sentence = useScopeSentence();
  const headingId = useId();
  const heading = t('patients.consents.cardTitle', {
    type: labels.consentType(c.type),
    date: labels.day(c.signedOn),
  });
  return (
    <Card
      withBorder
      component="article"
      aria-labelledby={headingId}
      data-testid="consent"
      data-consent-id={c.id}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5" id={headingId}>
            {heading}
          </Title>
          <ConsentStateBadge state={c.state} />
        </Group>
        <List size="sm" spacing={4} aria-label={t('patients.consents.whoSees')}>
          {c.recipients.map((r) => {
            const state = recipientState(c, r);
            return (
              <List.Item key={r.id} data-testid="consent-recipient" data-state={state}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm">{sentence(recipientName(r), c)}</Text>
                  <ConsentStateBadge state={state} />
                  {r.revokedAt ? (
                    <Text size="xs" c="dimmed">
                      {t('patients.consents.revokedOn', { date: labels.dateTime(r.revokedAt) })}
                    </Text>
                  ) : null}
                </Group>
              </List.Item>
            );
          })}
        </List>
        <Text size="xs" c="dimmed">
          {t('patients.consents.signedBy', {
            name: c.signature.signerName,
            capacity: labels.capacity(c.signature.capacity),
            method: labels.signatureMethod(c.signature.method),
            recordedBy: c.recordedByName,
          })}
        </Text>
        <Group gap="sm" wrap="wrap">
          {canRevoke && revocableRecipients(c).length > 0 ? (
            <Button
              size="xs"
              color="red"
              variant="light"
              onClick={onRevoke}
              aria-label={t('patients.consents.revokeNamed', { title: heading })}
            >
              {t('patients.consents.revoke')}
            </Button>
          ) : null}
          {canPrint ? (
            <>
              <Text size="sm">{t('patients.consents.print')}:</Text>
              {(['en', 'es'] as const).map((language) => (
                <Anchor
                  key={language}
                  size="sm"
                  href={consentFormUrl(c.id, language)}
                  target="_blank"
                  rel="noreferrer"
                  aria-label={t('patients.consents.printNamed', {
                    title: heading,
                    language: labels.consentLanguage(language),
                  })}
                >
                  {labels.consentLanguage(language)}
                </Anchor>
              ))}
            </>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
