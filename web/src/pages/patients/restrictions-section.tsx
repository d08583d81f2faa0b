/**
 * Requests for restrictions (§2.26, P17): the patient asks the holding organization not to disclose
 * for treatment, payment or health care operations, to one recipient or to everyone. The program
 * records the request, when it arrived and whether it agreed; a restriction on disclosure to a health
 * plan for an item or service paid in full must be agreed. An agreed restriction ends only at the
 * patient's written request or documented oral agreement (§2.26(b)): the row then shows it ended, by whom,
 * when and on what basis. Ending it by the program's notice alone is not offered.
 */
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, isApiError } from '../../api/api-error.ts';
import {
  listRestrictions,
  recordRestriction,
  RESTRICTION_TERMINATION_BASES,
  terminateRestriction,
  TPO_PURPOSES,
  type ConsentPurpose,
  type RestrictionTerminationBasis,
  type RestrictionView,
} from '../../api/consents.ts';
import { listOrganizations } from '../../api/organizations.ts';
import type { PatientView } from '../../api/patients.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { SectionCard } from '../../components/section-card.tsx';
import { orNull, todayIso, usePatientLabels } from './patient-labels.ts';
import { restrictionsKey } from './patient-queries.ts';

export function RestrictionsSection({ patient }: { patient: PatientView }) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const restrictions = useQuery({
    queryKey: restrictionsKey(patient.id),
    queryFn: () => listRestrictions(patient.id),
  });
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<RestrictionView | null>(null);
  return (
    <SectionCard title={t('patients.restrictions.heading')}>
      <Stack>
        <Text size="sm">{t('patients.restrictions.intro')}</Text>
        <ErrorAlert error={restrictions.error} />
        <ListTable<RestrictionView>
          label={t('patients.restrictions.heading')}
          records={restrictions.data?.items}
          fetching={restrictions.isFetching}
          idAccessor="id"
          emptyText={t('patients.restrictions.none')}
          columns={[
            { accessor: 'description', title: t('patients.restrictions.description') },
            {
              accessor: 'organizationName',
              title: t('patients.restrictions.recipient'),
              render: (r) => r.organizationName ?? t('patients.restrictions.everyone'),
            },
            {
              accessor: 'purposes',
              title: t('patients.restrictions.purposes'),
              render: (r) => labels.capital(labels.list(r.purposes.map(labels.purpose))),
            },
            {
              accessor: 'receivedOn',
              title: t('patients.restrictions.receivedOn'),
              noWrap: true,
              render: (r) => labels.day(r.receivedOn),
            },
            {
              accessor: 'decision',
              title: t('patients.restrictions.decision'),
              render: (r) =>
                r.decision === 'agreed'
                  ? t('patients.restrictions.agreed')
                  : t('patients.restrictions.declined'),
            },
            {
              accessor: 'terminatedAt',
              title: t('patients.restrictions.state'),
              render: (r) => <RestrictionState restriction={r} onEnd={() => setEnding(r)} />,
            },
          ]}
        />
        {adding ? (
          <RestrictionForm patientId={patient.id} onDone={() => setAdding(false)} />
        ) : (
          <div>
            <Button variant="default" onClick={() => setAdding(true)}>
              {t('patients.restrictions.add')}
            </Button>
          </div>
        )}
      </Stack>
      {ending ? <EndRestrictionModal restriction={ending} onClose={() => setEnding(null)} /> : null}
    </SectionCard>
  );
}

/** In force (with "End restriction"), ended (who, when, on what basis, the note) or, when declined, not applied. */
function RestrictionState({ restriction: r, onEnd }: { restriction: RestrictionView; onEnd: () => void }) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  if (r.decision !== 'agreed') {
    return (
      <Text size="sm" c="dimmed" data-testid="restriction-state" data-state="declined">
        {t('patients.restrictions.notInForce')}
      </Text>
    );
  }
  if (!r.terminatedAt) {
    return (
      <Stack gap="xs" align="flex-start" data-testid="restriction-state" data-state="in_force">
        <Badge color="teal" variant="light" tt="none">
          {t('patients.restrictions.inForce')}
        </Badge>
        <Button
          size="xs"
          variant="default"
          onClick={onEnd}
          aria-label={t('patients.restrictions.endFor', { description: r.description })}
        >
          {t('patients.restrictions.end')}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap={4} align="flex-start" data-testid="restriction-state" data-state="ended">
      <Badge color="gray" variant="light" tt="none">
        {t('patients.restrictions.ended')}
      </Badge>
      {r.terminationBasis ? (
        <Text size="sm" data-testid="termination-basis">
          {basisLabel(t, r.terminationBasis)}
        </Text>
      ) : null}
      <Text size="sm" c="dimmed">
        {t('patients.restrictions.endedBy', {
          name: r.terminatedByName ?? '—',
          date: labels.dateTime(r.terminatedAt),
        })}
      </Text>
      {r.terminationNote ? (
        <Text size="sm" data-testid="termination-note" style={{ whiteSpace: 'pre-wrap' }}>
          {r.terminationNote}
        </Text>
      ) : null}
    </Stack>
  );
}

const basisLabel = (t: TFunction, basis: RestrictionTerminationBasis) =>
  t(`patients.restrictions.terminationBasis.${basis}`);

function EndRestrictionModal({
  restriction,
  onClose,
}: {
  restriction: RestrictionView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [basis, setBasis] = useState<RestrictionTerminationBasis | ''>('');
  const [note, setNote] = useState('');
  const key = restrictionsKey(restriction.patientId);
  const end = useMutation({
    mutationFn: () => {
      if (!basis) throw new Error('no basis');
      return terminateRestriction(restriction.id, { basis, note: note.trim() });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: key });
      notifySuccess(t('patients.restrictions.endDone'));
      onClose();
    },
    // Ended meanwhile (or not agreed): show the list as it is now.
    onError: async (error) => {
      if (isApiError(error) && error.status === 409) await client.invalidateQueries({ queryKey: key });
    },
  });
  const conflict = isApiError(end.error) && end.error.status === 409;
  const ready = !!basis && note.trim().length > 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) end.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('patients.restrictions.endTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('patients.restrictions.endIntro')}</Text>
          <Text size="sm" fw={600} style={{ whiteSpace: 'pre-wrap' }}>
            {restriction.description}
          </Text>
          <Radio.Group
            label={t('patients.restrictions.basis')}
            description={t('patients.restrictions.basisHint')}
            required
            value={basis}
            onChange={(value) => setBasis(RESTRICTION_TERMINATION_BASES.find((b) => b === value) ?? '')}
            error={fieldError(end.error, 'basis')}
          >
            <Stack gap="xs" mt="xs">
              {RESTRICTION_TERMINATION_BASES.map((b) => (
                <Radio key={b} value={b} label={basisLabel(t, b)} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('patients.restrictions.endNote')}
            description={t('patients.restrictions.endNoteHint')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(end.error, 'note')}
          />
          {conflict ? (
            <Alert color="yellow" variant="light" role="alert">
              {t('patients.restrictions.alreadyEnded')}
            </Alert>
          ) : (
            <ErrorAlert error={end.error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={end.isPending} disabled={!ready || conflict}>
              {t('patients.restrictions.endSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RestrictionForm({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const client = useQueryClient();
  const organizations = useQuery({ queryKey: ['organizations', 'all'], queryFn: () => listOrganizations() });
  const [description, setDescription] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [purposes, setPurposes] = useState<string[]>([...TPO_PURPOSES]);
  const [receivedOn, setReceivedOn] = useState(todayIso());
  const [decision, setDecision] = useState<'agreed' | 'declined'>('agreed');
  const [paidInFull, setPaidInFull] = useState(false);
  const [itemOrService, setItemOrService] = useState('');
  const [paidBy, setPaidBy] = useState('');

  const record = useMutation({
    mutationFn: () =>
      recordRestriction(patientId, {
        description: description.trim(),
        organizationId: organizationId || null,
        purposes: purposes as ConsentPurpose[],
        receivedOn,
        decision: paidInFull ? 'agreed' : decision,
        paidInFull,
        itemOrService: paidInFull ? orNull(itemOrService) : null,
        paidBy: paidInFull ? orNull(paidBy) : null,
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: restrictionsKey(patientId) });
      notifySuccess(t('patients.restrictions.recorded'));
      onDone();
    },
  });
  const ready = description.trim() && purposes.length > 0 && receivedOn;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) record.mutate();
  };
  const orgs = (organizations.data?.items ?? [])
    .filter((o) => o.active)
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <form onSubmit={submit} noValidate aria-label={t('patients.restrictions.add')}>
      <Stack>
        <Text fw={600} size="sm">
          {t('patients.restrictions.add')}
        </Text>
        <Textarea
          label={t('patients.restrictions.description')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={fieldError(record.error, 'description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('patients.restrictions.recipient')}
            value={organizationId}
            onChange={(e) => setOrganizationId(e.currentTarget.value)}
            error={fieldError(record.error, 'organizationId')}
            data={[
              { value: '', label: t('patients.restrictions.everyone') },
              ...orgs.map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
          <TextInput
            type="date"
            label={t('patients.restrictions.receivedOn')}
            required
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.currentTarget.value)}
            error={fieldError(record.error, 'receivedOn')}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('patients.restrictions.purposes')}
          value={purposes}
          onChange={setPurposes}
          error={fieldError(record.error, 'purposes')}
        >
          <Group mt="xs">
            {TPO_PURPOSES.map((p) => (
              <Checkbox key={p} value={p} label={labels.capital(labels.purpose(p))} />
            ))}
          </Group>
        </Checkbox.Group>
        <Switch
          label={t('patients.restrictions.paidInFull')}
          description={t('patients.restrictions.paidInFullHint')}
          checked={paidInFull}
          onChange={(e) => setPaidInFull(e.currentTarget.checked)}
        />
        {paidInFull ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('patients.restrictions.itemOrService')}
              required
              maxLength={300}
              value={itemOrService}
              onChange={(e) => setItemOrService(e.currentTarget.value)}
              error={fieldError(record.error, 'itemOrService')}
            />
            <TextInput
              label={t('patients.restrictions.paidBy')}
              required
              maxLength={200}
              value={paidBy}
              onChange={(e) => setPaidBy(e.currentTarget.value)}
              error={fieldError(record.error, 'paidBy')}
            />
          </SimpleGrid>
        ) : (
          <NativeSelect
            label={t('patients.restrictions.decision')}
            value={decision}
            onChange={(e) => setDecision(e.currentTarget.value === 'declined' ? 'declined' : 'agreed')}
            error={fieldError(record.error, 'decision')}
            data={[
              { value: 'agreed', label: t('patients.restrictions.agreed') },
              { value: 'declined', label: t('patients.restrictions.declined') },
            ]}
          />
        )}
        <ErrorAlert error={record.error} />
        <Group>
          <Button type="submit" loading={record.isPending} disabled={!ready}>
            {t('patients.restrictions.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
