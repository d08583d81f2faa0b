/**
 * Requests for the list of disclosures (`/patients/list-requests`, §2.24, P16): the holding organization's
 * worklist of patients' written requests for the list of disclosures Handoff made as intermediary, each due
 * 30 days after receipt, earliest due first, overdue ones flagged; each open one is marked fulfilled once
 * the patient has the list. Open ones by default; `?status=all` lists every one.
 */
import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PatientsSubpage } from './patients-subpage.tsx';
import { OpenAllSwitch, useOpenAllStatus } from './open-all-switch.tsx';
import { Link } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { fulfilListRequest, listListRequests, type DisclosureListRequestView } from '../../api/consents.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { SectionCard } from '../../components/section-card.tsx';
import { useAccess } from '../../session/session-context.ts';
import { usePatientLabels } from './patient-labels.ts';
import { patientUrl } from './patient-queries.ts';

/** Every list of §2.24 requests (the worklist and a patient's own) starts with this key. */
export const listRequestsKey = ['patients', 'list-requests'] as const;

export function ListRequestsPage() {
  const { t } = useTranslation();
  const access = useAccess();
  return (
    <PatientsSubpage
      allowed={access.can('disclosure.report') && Boolean(access.activeOrganizationId)}
      title={t('patients.listRequests.title')}
      intro={t('patients.listRequests.intro')}
    >
      <Worklist />
    </PatientsSubpage>
  );
}

function Worklist() {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const [status, setStatus] = useOpenAllStatus();
  const [fulfilling, setFulfilling] = useState<DisclosureListRequestView | null>(null);
  const list = useQuery({
    queryKey: [...listRequestsKey, status],
    queryFn: () => listListRequests(status),
  });

  return (
    <SectionCard title={t('patients.listRequests.list')}>
      <Stack
        data-testid="list-requests"
        data-state={list.isFetching ? 'loading' : list.isSuccess ? 'loaded' : 'idle'}
      >
        <OpenAllSwitch
          label={t('patients.listRequests.show')}
          openLabel={t('patients.listRequests.open')}
          allLabel={t('patients.listRequests.all')}
          value={status}
          onChange={setStatus}
        />
        <ErrorAlert error={list.error} />
        <ListTable<DisclosureListRequestView>
          label={t('patients.listRequests.list')}
          records={list.data?.items}
          fetching={list.isFetching}
          idAccessor="id"
          emptyText={
            status === 'open' ? t('patients.listRequests.noneOpen') : t('patients.listRequests.none')
          }
          columns={[
            {
              accessor: 'patientName',
              title: t('patients.listRequests.patient'),
              render: (r) => (
                <Anchor component={Link} to={patientUrl(r.patientId)}>
                  {r.patientName}
                </Anchor>
              ),
            },
            {
              accessor: 'receivedOn',
              title: t('patients.listRequests.receivedOn'),
              noWrap: true,
              render: (r) => labels.day(r.receivedOn),
            },
            {
              accessor: 'dueOn',
              title: t('patients.listRequests.dueOn'),
              noWrap: true,
              render: (r) => <DueDay request={r} />,
            },
            {
              accessor: 'note',
              title: t('patients.listRequests.note'),
              render: (r) => (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.note ?? '—'}
                </Text>
              ),
            },
            { accessor: 'recordedByName', title: t('patients.listRequests.recordedBy') },
            {
              accessor: 'fulfilledAt',
              title: t('patients.listRequests.state'),
              render: (r) => <RequestState request={r} onFulfil={() => setFulfilling(r)} />,
            },
          ]}
        />
      </Stack>
      {fulfilling ? <FulfilModal request={fulfilling} onClose={() => setFulfilling(null)} /> : null}
    </SectionCard>
  );
}

/** The due day, with an "Overdue" badge once it has passed and the request is still open. */
export function DueDay({ request }: { request: DisclosureListRequestView }) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm">{labels.day(request.dueOn)}</Text>
      {request.overdue ? (
        <Badge color="red" variant="light" tt="none" data-testid="overdue">
          {t('patients.listRequests.overdue')}
        </Badge>
      ) : null}
    </Group>
  );
}

/** Open (with the "Mark fulfilled" action when given) or fulfilled, by whom and when. */
export function RequestState({
  request,
  onFulfil,
}: {
  request: DisclosureListRequestView;
  onFulfil?: () => void;
}) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  if (!request.fulfilledAt) {
    return (
      <Stack gap="xs" align="flex-start" data-testid="request-state" data-state="open">
        <Badge color="orange" variant="light" tt="none">
          {t('patients.listRequests.stateOpen')}
        </Badge>
        {onFulfil ? (
          <Button
            size="xs"
            variant="default"
            onClick={onFulfil}
            aria-label={t('patients.listRequests.markFor', { name: request.patientName })}
          >
            {t('patients.listRequests.mark')}
          </Button>
        ) : null}
      </Stack>
    );
  }
  return (
    <Stack gap={4} align="flex-start" data-testid="request-state" data-state="fulfilled">
      <Badge color="teal" variant="light" tt="none">
        {t('patients.listRequests.stateFulfilled')}
      </Badge>
      <Text size="sm" c="dimmed">
        {t('patients.listRequests.fulfilledBy', {
          name: request.fulfilledByName ?? '—',
          date: labels.dateTime(request.fulfilledAt),
        })}
      </Text>
    </Stack>
  );
}

function FulfilModal({ request, onClose }: { request: DisclosureListRequestView; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const client = useQueryClient();
  const fulfil = useMutation({
    mutationFn: () => fulfilListRequest(request.id),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: listRequestsKey });
      notifySuccess(t('patients.listRequests.done'));
      onClose();
    },
    // Fulfilled meanwhile by someone else: show the list as it is now.
    onError: async (error) => {
      if (isApiError(error) && error.status === 409)
        await client.invalidateQueries({ queryKey: listRequestsKey });
    },
  });
  const conflict = isApiError(fulfil.error) && fulfil.error.status === 409;
  const facts: [string, string][] = [
    [t('patients.listRequests.patient'), request.patientName],
    [t('patients.listRequests.receivedOn'), labels.day(request.receivedOn)],
    [t('patients.listRequests.dueOn'), labels.day(request.dueOn)],
    [t('patients.listRequests.note'), request.note ?? '—'],
  ];

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('patients.listRequests.dialogTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
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
        <Text size="sm">{t('patients.listRequests.dialogBody')}</Text>
        {conflict ? (
          <Alert color="yellow" variant="light" role="alert">
            {t('patients.listRequests.alreadyFulfilled')}
          </Alert>
        ) : (
          <ErrorAlert error={fulfil.error} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => fulfil.mutate()}
            loading={fulfil.isPending}
            disabled={conflict}
            data-autofocus
          >
            {t('patients.listRequests.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
