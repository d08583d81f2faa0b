/** Add or edit a site in a dialog: name, address, coordinates, time zone, phone, active. */
import { Button, Checkbox, Group, Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import { createSite, updateSite } from '../../api/organizations.ts';
import type { Site, SiteInput } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notifySuccess } from '../../components/notify.ts';

type TextKey = 'name' | 'street' | 'city' | 'state' | 'postalCode' | 'timezone' | 'phone';

const orNull = (value: string) => (value.trim() ? value.trim() : null);
const numberOrNull = (value: number | string) => (value === '' ? null : Number(value));

export function SiteFormModal({
  organizationId,
  site,
  onClose,
}: {
  organizationId: string;
  site: Site | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [text, setText] = useState<Record<TextKey, string>>({
    name: site?.name ?? '',
    street: site?.street ?? '',
    city: site?.city ?? '',
    state: site?.state ?? '',
    postalCode: site?.postalCode ?? '',
    timezone: site?.timezone ?? '',
    phone: site?.phone ?? '',
  });
  const [latitude, setLatitude] = useState<number | string>(site?.latitude ?? '');
  const [longitude, setLongitude] = useState<number | string>(site?.longitude ?? '');
  const [active, setActive] = useState(site?.active ?? true);
  const save = useMutation({
    mutationFn: (input: SiteInput) =>
      site ? updateSite(organizationId, site.id, input) : createSite(organizationId, input),
    onSuccess: async () => {
      notifySuccess(t('admin.sites.saved'));
      await client.invalidateQueries({ queryKey: ['sites', organizationId] });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      name: text.name.trim(),
      street: orNull(text.street),
      city: orNull(text.city),
      state: orNull(text.state),
      postalCode: orNull(text.postalCode),
      timezone: orNull(text.timezone),
      phone: orNull(text.phone),
      latitude: numberOrNull(latitude),
      longitude: numberOrNull(longitude),
      ...(site ? { active } : {}),
    });
  };
  const field = (key: TextKey, extra = {}) => (
    <TextInput
      label={t(key === 'name' || key === 'timezone' ? `site.${key}` : `organization.${key}`)}
      value={text[key]}
      error={fieldError(save.error, key)}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText((v) => ({ ...v, [key]: next }));
      }}
      {...extra}
    />
  );
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={site ? t('admin.sites.editTitle', { name: site.name }) : t('admin.sites.add')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} />
          {field('name', { required: true, 'data-autofocus': true })}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {field('street')}
            {field('city')}
            {field('state')}
            {field('postalCode')}
            <NumberInput
              label={t('site.latitude')}
              value={latitude}
              onChange={setLatitude}
              min={-90}
              max={90}
              decimalScale={6}
              error={fieldError(save.error, 'latitude')}
            />
            <NumberInput
              label={t('site.longitude')}
              value={longitude}
              onChange={setLongitude}
              min={-180}
              max={180}
              decimalScale={6}
              error={fieldError(save.error, 'longitude')}
            />
            {field('timezone', { placeholder: 'America/New_York' })}
            {field('phone', { type: 'tel' })}
          </SimpleGrid>
          {site ? (
            <Checkbox
              label={t('site.active')}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
