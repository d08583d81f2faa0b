/**
 * Start a partnership: pick an organization of the other kind (a community organization for a
 * hospital or health system, and vice versa), optionally a status, start date and notes.
 */
import { Button, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldError } from '../../api/api-error.ts';
import { listOrganizations } from '../../api/organizations.ts';
import { createPartnership, PARTNERSHIP_STATUSES, type PartnershipStatus } from '../../api/partnerships.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { SectionCard } from '../../components/section-card.tsx';
import { orNull, usePartnershipLabels } from './partnership-labels.ts';
import { partnershipKey } from './use-workspace.ts';

const HOSPITAL_SIDE = new Set(['hospital', 'health_system']);

export function StartPartnershipForm({
  ownId,
  existingPartnerIds,
}: {
  ownId: string;
  existingPartnerIds: string[];
}) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const client = useQueryClient();
  const navigate = useNavigate();
  const organizations = useQuery({ queryKey: ['organizations', 'all'], queryFn: () => listOrganizations() });
  const [partnerId, setPartnerId] = useState('');
  const [status, setStatus] = useState<PartnershipStatus>('exploring');
  const [startedOn, setStartedOn] = useState('');
  const [notes, setNotes] = useState('');

  const all = organizations.data?.items ?? [];
  const own = all.find((o) => o.id === ownId);
  const candidates = own
    ? all
        .filter((o) => o.active && o.id !== ownId && !existingPartnerIds.includes(o.id))
        .filter((o) =>
          HOSPITAL_SIDE.has(own.kind) ? o.kind === 'cbo' : own.kind === 'cbo' && HOSPITAL_SIDE.has(o.kind),
        )
        .sort((a, b) => a.name.localeCompare(b.name))
    : [];

  const start = useMutation({
    mutationFn: () =>
      createPartnership({
        partnerOrganizationId: partnerId,
        status,
        startedOn: startedOn || null,
        notes: orNull(notes),
      }),
    onSuccess: async (view) => {
      client.setQueryData(partnershipKey(view.id), view);
      await client.invalidateQueries({ queryKey: ['partnerships', 'list'] });
      const partner = view.hospital.id === ownId ? view.cbo : view.hospital;
      notifySuccess(t('partnerships.start.started', { name: partner.name }));
      await navigate(`/partnerships/${view.id}`);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (partnerId) start.mutate();
  };

  return (
    <SectionCard title={t('partnerships.start.heading')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('partnerships.start.hint')}</Text>
          <ErrorAlert error={organizations.error} />
          {organizations.isSuccess && own && candidates.length === 0 ? (
            <Text size="sm">{t('partnerships.start.noPartners')}</Text>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('partnerships.start.partner')}
              required
              value={partnerId}
              onChange={(e) => setPartnerId(e.currentTarget.value)}
              error={fieldError(start.error, 'partnerOrganizationId')}
              data={[
                { value: '', label: t('partnerships.start.choose') },
                ...candidates.map((o) => ({ value: o.id, label: o.name })),
              ]}
            />
            <NativeSelect
              label={t('partnerships.start.status')}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value as PartnershipStatus)}
              data={PARTNERSHIP_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
            />
            <TextInput
              type="date"
              label={t('partnerships.start.startedOn')}
              value={startedOn}
              onChange={(e) => setStartedOn(e.currentTarget.value)}
              error={fieldError(start.error, 'startedOn')}
            />
          </SimpleGrid>
          <Textarea
            label={t('partnerships.start.notes')}
            autosize
            minRows={2}
            maxLength={4000}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          <ErrorAlert error={start.error} />
          <div>
            <Button type="submit" loading={start.isPending} disabled={!partnerId}>
              {t('partnerships.start.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </SectionCard>
  );
}
