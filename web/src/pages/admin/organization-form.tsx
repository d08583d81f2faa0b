/**
 * The organization form, for creating (conveners) and editing: identity, kind and subtype, Part 2
 * program flag and legal status, roles that must use TOTP, address and contact.
 */
import { Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import { listOrganizations } from '../../api/organizations.ts';
import type { Organization, OrganizationInput } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { RolesCheckboxes } from '../../components/roles-checkboxes.tsx';
import { useLabels } from '../../components/use-labels.ts';
import {
  CBO_SUBTYPES,
  ORGANIZATION_KINDS,
  PART2_LEGAL_STATUSES,
  type CboSubtype,
  type OrganizationKind,
  type Part2LegalStatus,
} from '../../vocabulary.ts';

interface FormValue {
  name: string;
  slug: string;
  kind: OrganizationKind;
  cboSubtype: string;
  parentId: string;
  part2Program: boolean;
  part2LegalStatus: Part2LegalStatus;
  totpRequiredRoles: string[];
  street: string;
  city: string;
  state: string;
  postalCode: string;
  phone: string;
  website: string;
  active: boolean;
}

const fromOrganization = (o: Organization | undefined): FormValue => ({
  name: o?.name ?? '',
  slug: o?.slug ?? '',
  kind: o?.kind ?? 'cbo',
  cboSubtype: o?.cboSubtype ?? '',
  parentId: o?.parentId ?? '',
  part2Program: o?.part2Program ?? true,
  part2LegalStatus: o?.part2LegalStatus ?? 'part2_program',
  totpRequiredRoles: o?.totpRequiredRoles ?? [],
  street: o?.street ?? '',
  city: o?.city ?? '',
  state: o?.state ?? '',
  postalCode: o?.postalCode ?? '',
  phone: o?.phone ?? '',
  website: o?.website ?? '',
  active: o?.active ?? true,
});

const orNull = (value: string) => (value.trim() ? value.trim() : null);

function toInput(v: FormValue, creating: boolean): OrganizationInput {
  return {
    name: v.name.trim(),
    ...(creating && v.slug.trim() ? { slug: v.slug.trim() } : {}),
    kind: v.kind,
    cboSubtype: v.kind === 'cbo' ? ((orNull(v.cboSubtype) as CboSubtype | null) ?? 'other') : null,
    parentId: v.kind === 'hospital' ? orNull(v.parentId) : null,
    part2Program: v.part2Program,
    part2LegalStatus: v.part2LegalStatus,
    totpRequiredRoles: v.totpRequiredRoles,
    street: orNull(v.street),
    city: orNull(v.city),
    state: orNull(v.state),
    postalCode: orNull(v.postalCode),
    phone: orNull(v.phone),
    website: orNull(v.website),
    ...(creating ? {} : { active: v.active }),
  };
}

export function OrganizationForm({
  organization,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  organization?: Organization;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: OrganizationInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const creating = !organization;
  const [value, setValue] = useState<FormValue>(() => fromOrganization(organization));
  const set = <K extends keyof FormValue>(key: K, next: FormValue[K]) =>
    setValue((v) => ({ ...v, [key]: next }));
  const parents = useQuery({
    queryKey: ['organizations', { kind: 'health_system', q: '' }],
    queryFn: () => listOrganizations({ kind: 'health_system' }),
    enabled: value.kind === 'hospital',
  });
  const text = (
    key: 'name' | 'slug' | 'street' | 'city' | 'state' | 'postalCode' | 'phone' | 'website',
    extra = {},
  ) => (
    <TextInput
      label={t(`organization.${key}`)}
      value={value[key]}
      error={fieldError(error, key)}
      onChange={(e) => set(key, e.currentTarget.value)}
      {...extra}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(toInput(value, creating));
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('name', { required: true })}
          {creating ? text('slug', { description: t('organization.slugHelp') }) : null}
          <NativeSelect
            label={t('organization.kind')}
            value={value.kind}
            error={fieldError(error, 'kind')}
            onChange={(e) => set('kind', e.currentTarget.value as OrganizationKind)}
            data={ORGANIZATION_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
          />
          {value.kind === 'cbo' ? (
            <NativeSelect
              label={t('organization.cboSubtype')}
              value={value.cboSubtype || 'other'}
              error={fieldError(error, 'cboSubtype')}
              onChange={(e) => set('cboSubtype', e.currentTarget.value)}
              data={CBO_SUBTYPES.map((s) => ({ value: s, label: labels.subtype(s) }))}
            />
          ) : null}
          {value.kind === 'hospital' ? (
            <NativeSelect
              label={t('organization.parent')}
              value={value.parentId}
              error={fieldError(error, 'parentId')}
              onChange={(e) => set('parentId', e.currentTarget.value)}
              data={[
                { value: '', label: t('organization.noParent') },
                ...(parents.data?.items ?? [])
                  .filter((p) => p.id !== organization?.id)
                  .map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
          ) : null}
        </SimpleGrid>
        <Fieldset legend={t('organization.part2Legend')}>
          <Stack>
            <Checkbox
              label={t('organization.part2Program')}
              description={t('organization.part2ProgramHelp')}
              checked={value.part2Program}
              onChange={(e) => set('part2Program', e.currentTarget.checked)}
            />
            <NativeSelect
              label={t('organization.part2LegalStatus')}
              description={t('organization.part2LegalStatusHelp')}
              value={value.part2LegalStatus}
              error={fieldError(error, 'part2LegalStatus')}
              onChange={(e) => set('part2LegalStatus', e.currentTarget.value as Part2LegalStatus)}
              data={PART2_LEGAL_STATUSES.map((s) => ({ value: s, label: labels.part2Status(s) }))}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('organization.securityLegend')}>
          <RolesCheckboxes
            label={t('organization.totpRequiredRoles')}
            description={t('organization.totpRequiredRolesHelp')}
            value={value.totpRequiredRoles}
            onChange={(roles) => set('totpRequiredRoles', roles)}
            error={fieldError(error, 'totpRequiredRoles')}
          />
        </Fieldset>
        <Fieldset legend={t('organization.addressLegend')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('street')}
            {text('city')}
            {text('state')}
            {text('postalCode')}
            {text('phone', { type: 'tel' })}
            {text('website', { type: 'url' })}
          </SimpleGrid>
        </Fieldset>
        {creating ? null : (
          <Checkbox
            label={t('organization.active')}
            checked={value.active}
            onChange={(e) => set('active', e.currentTarget.checked)}
          />
        )}
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
