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

/** A URL-friendly short name made from the organization's name. */
export const slugify = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');

/** The request body: kind, parent and slug are set at creation only (PATCH does not accept them). */
function toInput(v: FormValue, creating: boolean): OrganizationInput {
  const common: OrganizationInput = {
    name: v.name.trim(),
    part2Program: v.part2Program,
    part2LegalStatus: v.part2LegalStatus,
    totpRequiredRoles: v.totpRequiredRoles,
    street: orNull(v.street),
    city: orNull(v.city),
    state: orNull(v.state),
    postalCode: orNull(v.postalCode),
    phone: orNull(v.phone),
    website: orNull(v.website),
    ...(v.kind === 'cbo' ? { cboSubtype: (orNull(v.cboSubtype) as CboSubtype | null) ?? 'other' } : {}),
  };
  if (!creating) return { ...common, active: v.active };
  return {
    ...common,
    slug: v.slug.trim() || slugify(v.name),
    kind: v.kind,
    ...(v.kind === 'hospital' ? { parentId: orNull(v.parentId) } : {}),
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
  const [slugTouched, setSlugTouched] = useState(false);
  const set = <K extends keyof FormValue>(key: K, next: FormValue[K]) =>
    setValue((v) => ({ ...v, [key]: next }));
  const parents = useQuery({
    queryKey: ['organizations', { kind: 'health_system', q: '' }],
    queryFn: () => listOrganizations({ kind: 'health_system' }),
    enabled: creating && value.kind === 'hospital',
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
          <TextInput
            label={t('organization.name')}
            required
            value={value.name}
            error={fieldError(error, 'name')}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setValue((v) => ({ ...v, name, ...(creating && !slugTouched ? { slug: slugify(name) } : {}) }));
            }}
          />
          {creating ? (
            <TextInput
              label={t('organization.slug')}
              description={t('organization.slugHelp')}
              required
              value={value.slug}
              error={fieldError(error, 'slug')}
              onChange={(e) => {
                setSlugTouched(true);
                set('slug', e.currentTarget.value);
              }}
            />
          ) : null}
          <NativeSelect
            label={t('organization.kind')}
            description={creating ? undefined : t('organization.kindFixed')}
            disabled={!creating}
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
          {creating && value.kind === 'hospital' ? (
            <NativeSelect
              label={t('organization.parent')}
              value={value.parentId}
              error={fieldError(error, 'parentId')}
              onChange={(e) => set('parentId', e.currentTarget.value)}
              data={[
                { value: '', label: t('organization.noParent') },
                ...(parents.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
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
