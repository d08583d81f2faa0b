/**
 * Emergency access review (`/patients/emergency-review`, P19): the holding organization's program
 * managers and administrators see every medical emergency access (42 CFR § 2.51) to its patients with the
 * four § 2.51(c) items — the recipient and their health care facility, who disclosed, the date and time,
 * the nature of the emergency — plus the patient, when the access ends and its review; each open one is
 * marked reviewed with a note. Open ones by default; `?status=all` lists every one.
 */
import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PatientsSubpage } from './patients-subpage.tsx';
import { OpenAllSwitch, useOpenAllStatus } from './open-all-switch.tsx';
import { Link } from 'react-router';
import { fieldError, isApiError } from '../../api/api-error.ts';
import {
  listEmergencyAccesses,
  reviewEmergencyAccess,
  type EmergencyAccessItem,
} from '../../api/consents.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { SectionCard } from '../../components/section-card.tsx';
import { useAccess } from '../../session/session-context.ts';
import { usePatientLabels } from './patient-labels.ts';

const emergencyAccessesKey = ['patients', 'emergency-accesses'] as const;

export function EmergencyReviewPage() {
  const { t } = useTranslation();
  const access = useAccess();
  return (
    <PatientsSubpage
      allowed={access.can('emergency.review') && Boolean(access.activeOrganizationId)}
      title={t('patients.emergencyReview.title')}
      intro={t('patients.emergencyReview.intro')}
    >
      <ReviewList />
    </PatientsSubpage>
  );
}

function ReviewList() {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const [status, setStatus] = useOpenAllStatus();
  const [reviewing, setReviewing] = useState<EmergencyAccessItem | null>(null);
  const list = useQuery({
    queryKey: [...emergencyAccessesKey, status],
    queryFn: () => listEmergencyAccesses(status),
  });
  const now = Date.now();

  return (
    <SectionCard title={t('patients.emergencyReview.list')}>
      <Stack
        data-testid="emergency-accesses"
        data-state={list.isFetching ? 'loading' : list.isSuccess ? 'loaded' : 'idle'}
      >
        <OpenAllSwitch
          label={t('patients.emergencyReview.show')}
          openLabel={t('patients.emergencyReview.open')}
          allLabel={t('patients.emergencyReview.all')}
          value={status}
          onChange={setStatus}
        />
        <ErrorAlert error={list.error} />
        <ListTable<EmergencyAccessItem>
          label={t('patients.emergencyReview.list')}
          records={list.data?.items}
          fetching={list.isFetching}
          idAccessor="id"
          emptyText={
            status === 'open' ? t('patients.emergencyReview.noneOpen') : t('patients.emergencyReview.none')
          }
          columns={[
            {
              accessor: 'at',
              title: t('patients.emergencyReview.at'),
              noWrap: true,
              render: (e) => labels.dateTime(e.at),
            },
            {
              accessor: 'patientName',
              title: t('patients.emergencyReview.patient'),
              render: (e) => (
                <Anchor component={Link} to={`/patients/${encodeURIComponent(e.patientId)}`}>
                  {e.patientName}
                </Anchor>
              ),
            },
            {
              accessor: 'recipientName',
              title: t('patients.emergencyReview.recipient'),
              render: (e) => (
                <>
                  <Text size="sm">{e.recipientName}</Text>
                  <Text size="sm" c="dimmed">
                    {e.recipientAffiliation}
                  </Text>
                </>
              ),
            },
            {
              accessor: 'disclosedByName',
              title: t('patients.emergencyReview.disclosedBy'),
              render: (e) => (
                <>
                  <Text size="sm">{e.disclosedByName}</Text>
                  <Text size="sm" c="dimmed">
                    {e.disclosedByOrganizationName}
                  </Text>
                </>
              ),
            },
            {
              accessor: 'nature',
              title: t('patients.emergencyReview.nature'),
              render: (e) => <Text size="sm">{e.nature}</Text>,
            },
            {
              accessor: 'expiresAt',
              title: t('patients.emergencyReview.accessEnds'),
              render: (e) =>
                new Date(e.expiresAt).getTime() <= now
                  ? t('patients.emergencyReview.ended', { date: labels.dateTime(e.expiresAt) })
                  : t('patients.emergencyReview.until', { date: labels.dateTime(e.expiresAt) }),
            },
            {
              accessor: 'reviewedAt',
              title: t('patients.emergencyReview.review'),
              render: (e) => <ReviewState item={e} onReview={() => setReviewing(e)} />,
            },
          ]}
        />
      </Stack>
      {reviewing ? <ReviewModal item={reviewing} onClose={() => setReviewing(null)} /> : null}
    </SectionCard>
  );
}

function ReviewState({ item, onReview }: { item: EmergencyAccessItem; onReview: () => void }) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  if (!item.reviewedAt) {
    return (
      <Stack gap="xs" align="flex-start" data-testid="review-state" data-state="open">
        <Badge color="orange" variant="light" tt="none">
          {t('patients.emergencyReview.stateOpen')}
        </Badge>
        <Button
          size="xs"
          variant="default"
          onClick={onReview}
          aria-label={t('patients.emergencyReview.markFor', { name: item.patientName })}
        >
          {t('patients.emergencyReview.mark')}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap={4} align="flex-start" data-testid="review-state" data-state="reviewed">
      <Badge color="teal" variant="light" tt="none">
        {t('patients.emergencyReview.stateReviewed')}
      </Badge>
      <Text size="sm" c="dimmed">
        {t('patients.emergencyReview.reviewedBy', {
          name: item.reviewedByName ?? '—',
          date: labels.dateTime(item.reviewedAt),
        })}
      </Text>
      {item.reviewNote ? (
        <Text size="sm" data-testid="review-note" style={{ whiteSpace: 'pre-wrap' }}>
          {item.reviewNote}
        </Text>
      ) : null}
    </Stack>
  );
}

function ReviewModal({ item, onClose }: { item: EmergencyAccessItem; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const review = useMutation({
    mutationFn: () => reviewEmergencyAccess(item.id, note.trim()),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: emergencyAccessesKey });
      notifySuccess(t('patients.emergencyReview.done'));
      onClose();
    },
    // Reviewed meanwhile by someone else: show the list as it is now.
    onError: async (error) => {
      if (isApiError(error) && error.status === 409)
        await client.invalidateQueries({ queryKey: emergencyAccessesKey });
    },
  });
  const conflict = isApiError(review.error) && review.error.status === 409;
  const ready = note.trim().length > 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) review.mutate();
  };
  const facts: [string, string][] = [
    [t('patients.emergencyReview.patient'), item.patientName],
    [t('patients.emergencyReview.recipient'), `${item.recipientName} (${item.recipientAffiliation})`],
    [
      t('patients.emergencyReview.disclosedBy'),
      `${item.disclosedByName} (${item.disclosedByOrganizationName})`,
    ],
    [t('patients.emergencyReview.at'), labels.dateTime(item.at)],
    [t('patients.emergencyReview.nature'), item.nature],
  ];

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('patients.emergencyReview.dialogTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Table variant="vertical" withTableBorder layout="fixed">
            <Table.Tbody>
              {facts.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w="35%" scope="row">
                    {label}
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Textarea
            label={t('patients.emergencyReview.note')}
            description={t('patients.emergencyReview.noteHint')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(review.error, 'note')}
            data-autofocus
          />
          {conflict ? (
            <Alert color="yellow" variant="light" role="alert">
              {t('patients.emergencyReview.alreadyReviewed')}
            </Alert>
          ) : (
            <ErrorAlert error={review.error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={review.isPending} disabled={!ready || conflict}>
              {t('patients.emergencyReview.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
