/** The partnership at a glance (both organizations, status, open work) and its status, start date and notes. */
import { Button, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import {
  PARTNERSHIP_STATUSES,
  updatePartnership,
  type Partnership,
  type PartnershipStatus,
  type UpdatePartnershipInput,
} from '../../api/partnerships.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { expiryState, orNull, usePartnershipLabels } from './partnership-labels.ts';
import { PartnershipStatusBadge } from './partnership-status-badge.tsx';
import { useWorkspaceWrite } from './use-workspace.ts';

/** A term and its description, as a row of a description list. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600}>
        {term}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

export function OverviewTab({ partnership: p, canManage }: { partnership: Partnership; canManage: boolean }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const open = p.actionItems.filter((a) => !a.done).length;
  const overdue = p.actionItems.filter((a) => a.overdue).length;
  const expiring = p.agreements.filter((a) => expiryState(a.daysUntilExpiry) === 'soon').length;
  return (
    <Stack>
      <SectionCard title={t('partnerships.workspace.tabs.overview')}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          <Fact term={t('partnerships.overview.hospital')}>{p.hospital.name}</Fact>
          <Fact term={t('partnerships.overview.cbo')}>{p.cbo.name}</Fact>
          <Fact term={t('partnerships.overview.status')}>
            <PartnershipStatusBadge status={p.status} />
          </Fact>
          <Fact term={t('partnerships.overview.startedOn')}>
            {p.startedOn ? labels.day(p.startedOn) : t('partnerships.overview.notStarted')}
          </Fact>
          <Fact term={t('partnerships.overview.openActionItems')}>{labels.number(open)}</Fact>
          <Fact term={t('partnerships.overview.overdueActionItems')}>{labels.number(overdue)}</Fact>
          <Fact term={t('partnerships.overview.agreementsExpiring')}>{labels.number(expiring)}</Fact>
          <Fact term={t('partnerships.overview.notes')}>{p.notes ?? t('partnerships.overview.noNotes')}</Fact>
        </SimpleGrid>
      </SectionCard>
      {canManage ? <OverviewForm key={p.version} partnership={p} /> : null}
    </Stack>
  );
}

function OverviewForm({ partnership: p }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const [status, setStatus] = useState<PartnershipStatus>(p.status);
  const [startedOn, setStartedOn] = useState(p.startedOn ?? '');
  const [notes, setNotes] = useState(p.notes ?? '');
  const save = useWorkspaceWrite(
    p.id,
    (input: UpdatePartnershipInput) => updatePartnership(p.id, p.version, input),
    t('partnerships.overview.saved'),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ status, startedOn: startedOn || null, notes: orNull(notes) });
  };
  return (
    <SectionCard title={t('partnerships.overview.editHeading')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('partnerships.overview.status')}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value as PartnershipStatus)}
              data={PARTNERSHIP_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
              error={fieldError(save.error, 'status')}
            />
            <TextInput
              type="date"
              label={t('partnerships.overview.startedOn')}
              value={startedOn}
              onChange={(e) => setStartedOn(e.currentTarget.value)}
              error={fieldError(save.error, 'startedOn')}
            />
          </SimpleGrid>
          <Textarea
            label={t('partnerships.overview.notes')}
            autosize
            minRows={3}
            maxLength={4000}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={fieldError(save.error, 'notes')}
          />
          <ErrorAlert error={save.error} />
          <div>
            <Button type="submit" loading={save.isPending}>
              {t('partnerships.overview.save')}
            </Button>
          </div>
        </Stack>
      </form>
    </SectionCard>
  );
}
