/**
 * The ledger of what each side delivered to the other (in-reach visits, reserved intake slots, bridge
 * prescriptions…), totals per side and kind, and a form to record a delivery.
 */
import { Button, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import {
  DELIVERY_KINDS,
  recordDelivery,
  type Delivery,
  type DeliveryInput,
  type DeliveryKind,
  type Partnership,
} from '../../api/partnerships.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { orNull, todayIso, usePartnershipLabels, useSides } from './partnership-labels.ts';
import { SimpleTable } from './simple-table.tsx';
import { useWorkspaceWrite } from './use-workspace.ts';

export function DeliveriesTab({
  partnership: p,
  canManage,
}: {
  partnership: Partnership;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const nameOf = (id: string) => (id === p.hospital.id ? p.hospital.name : id === p.cbo.id ? p.cbo.name : id);
  const totals = [...p.deliveryTotals].sort(
    (a, b) =>
      nameOf(a.providerOrganizationId).localeCompare(nameOf(b.providerOrganizationId)) ||
      DELIVERY_KINDS.indexOf(a.kind) - DELIVERY_KINDS.indexOf(b.kind),
  );
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('partnerships.deliveries.totals')}
      </Title>
      {totals.length ? (
        <SimpleTable
          label={t('partnerships.deliveries.totalsLabel')}
          head={[
            t('partnerships.deliveries.provider'),
            t('partnerships.deliveries.kind'),
            t('partnerships.deliveries.quantity'),
          ]}
          rows={totals.map((row) => [
            nameOf(row.providerOrganizationId),
            labels.deliveryKind(row.kind),
            labels.number(row.quantity),
          ])}
        />
      ) : null}
      <Title order={2} size="h4">
        {t('partnerships.deliveries.label')}
      </Title>
      <ListTable<Delivery>
        label={t('partnerships.deliveries.label')}
        records={p.deliveries}
        idAccessor="id"
        emptyText={t('partnerships.deliveries.none')}
        columns={[
          {
            accessor: 'deliveredOn',
            title: t('partnerships.deliveries.deliveredOn'),
            noWrap: true,
            render: (d) => labels.day(d.deliveredOn),
          },
          {
            accessor: 'providerOrganizationId',
            title: t('partnerships.deliveries.provider'),
            render: (d) => nameOf(d.providerOrganizationId),
          },
          {
            accessor: 'kind',
            title: t('partnerships.deliveries.kind'),
            render: (d) => labels.deliveryKind(d.kind),
          },
          {
            accessor: 'quantity',
            title: t('partnerships.deliveries.quantity'),
            textAlign: 'right',
            render: (d) => labels.number(d.quantity),
          },
          { accessor: 'note', title: t('partnerships.deliveries.note'), render: (d) => d.note ?? '—' },
        ]}
      />
      {canManage ? <DeliveryForm partnership={p} /> : null}
    </Stack>
  );
}

function DeliveryForm({ partnership: p }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const { own } = useSides(p);
  const [provider, setProvider] = useState(own?.id ?? p.hospital.id);
  const [kind, setKind] = useState<DeliveryKind>('in_reach_visit');
  const [quantity, setQuantity] = useState<number | string>(1);
  const [deliveredOn, setDeliveredOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const add = useWorkspaceWrite(
    p.id,
    (input: DeliveryInput) => recordDelivery(p.id, input),
    t('partnerships.deliveries.recorded'),
    () => {
      setQuantity(1);
      setNote('');
    },
  );
  const count = typeof quantity === 'number' ? quantity : Number(quantity);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ providerOrganizationId: provider, kind, quantity: count, deliveredOn, note: orNull(note) });
  };
  return (
    <SectionCard title={t('partnerships.deliveries.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('partnerships.deliveries.provider')}
              value={provider}
              onChange={(e) => setProvider(e.currentTarget.value)}
              data={[p.hospital, p.cbo].map((o) => ({ value: o.id, label: o.name }))}
            />
            <NativeSelect
              label={t('partnerships.deliveries.kind')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as DeliveryKind)}
              data={DELIVERY_KINDS.map((k) => ({ value: k, label: labels.deliveryKind(k) }))}
            />
            <NumberInput
              label={t('partnerships.deliveries.quantity')}
              required
              min={1}
              max={10_000}
              allowDecimal={false}
              value={quantity}
              onChange={setQuantity}
              error={fieldError(add.error, 'quantity')}
            />
            <TextInput
              type="date"
              label={t('partnerships.deliveries.deliveredOn')}
              required
              value={deliveredOn}
              onChange={(e) => setDeliveredOn(e.currentTarget.value)}
              error={fieldError(add.error, 'deliveredOn')}
            />
          </SimpleGrid>
          <TextInput
            label={t('partnerships.deliveries.noteOptional')}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <ErrorAlert error={add.error} />
          <div>
            <Button
              type="submit"
              loading={add.isPending}
              disabled={!deliveredOn || !Number.isInteger(count) || count < 1}
            >
              {t('partnerships.deliveries.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </SectionCard>
  );
}
