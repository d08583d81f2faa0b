/**
 * Requests for restrictions (§2.26, P17): the patient asks the holding organization not to disclose
 * for treatment, payment or health care operations, to one recipient or to everyone. The program
 * records the request, when it arrived and whether it agreed; a restriction on disclosure to a health
 * plan for an item or service paid in full must be agreed.
 */
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import {
  listRestrictions,
  recordRestriction,
  TPO_PURPOSES,
  type ConsentPurpose,
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
    </SectionCard>
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
