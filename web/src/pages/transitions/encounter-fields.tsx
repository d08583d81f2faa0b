/**
 * The encounter part of the transition form: ED visit or admission, how OUD was identified, admission and
 * (expected) discharge times, where the patient goes, the care team (colleagues when the user may list
 * them, else the user alone) and the needs the partner should know about.
 */
import { Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import { listMembers } from '../../api/organizations.ts';
import {
  CARE_NEEDS,
  DISPOSITIONS,
  ENCOUNTER_TYPES,
  OUD_IDENTIFIED_BY,
  type CareNeed,
  type Disposition,
  type EncounterType,
  type OudIdentifiedBy,
} from '../../api/transitions.ts';
import { activeMembership, useAccess, useSession } from '../../session/session-context.ts';
import { DateTimeField } from './datetime-field.tsx';
import type { TransitionDraft } from './transition-draft.ts';
import { useTransitionLabels } from './transition-labels.ts';

export function EncounterFields({
  draft,
  update,
  error,
}: {
  draft: TransitionDraft;
  update: (change: Partial<TransitionDraft>) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const labels = useTransitionLabels();
  return (
    <Fieldset legend={t('transitions.form.encounter')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('transitions.fields.encounterType')}
            value={draft.encounterType}
            onChange={(e) => update({ encounterType: e.currentTarget.value as EncounterType })}
            error={fieldError(error, 'encounterType')}
            data={ENCOUNTER_TYPES.map((v) => ({ value: v, label: labels.encounterType(v) }))}
          />
          <NativeSelect
            label={t('transitions.fields.oudIdentifiedBy')}
            value={draft.oudIdentifiedBy}
            onChange={(e) => update({ oudIdentifiedBy: e.currentTarget.value as OudIdentifiedBy })}
            error={fieldError(error, 'oudIdentifiedBy')}
            data={OUD_IDENTIFIED_BY.map((v) => ({ value: v, label: labels.oudIdentifiedBy(v) }))}
          />
          <DateTimeField
            label={t('transitions.fields.admittedAt')}
            required
            value={draft.admittedAt}
            onChange={(admittedAt) => update({ admittedAt })}
            error={fieldError(error, 'admittedAt')}
          />
          <DateTimeField
            label={t('transitions.fields.expectedDischargeAt')}
            withNow={false}
            value={draft.expectedDischargeAt}
            onChange={(expectedDischargeAt) => update({ expectedDischargeAt })}
            error={fieldError(error, 'expectedDischargeAt')}
          />
          <DateTimeField
            label={t('transitions.fields.dischargedAt')}
            description={t('transitions.form.dischargedHint')}
            value={draft.dischargedAt}
            onChange={(dischargedAt) => update({ dischargedAt })}
            error={fieldError(error, 'dischargedAt')}
          />
          <NativeSelect
            label={t('transitions.fields.disposition')}
            value={draft.disposition}
            onChange={(e) => update({ disposition: e.currentTarget.value as Disposition | '' })}
            error={fieldError(error, 'disposition')}
            data={[
              { value: '', label: t('transitions.form.notYet') },
              ...DISPOSITIONS.map((v) => ({ value: v, label: labels.disposition(v) })),
            ]}
          />
        </SimpleGrid>
        <CareTeamFields draft={draft} update={update} error={error} />
        <Checkbox.Group
          label={t('transitions.fields.careNeeds')}
          description={t('transitions.form.careNeedsHint')}
          value={draft.careNeeds}
          onChange={(values) => update({ careNeeds: values as CareNeed[] })}
        >
          <Group mt="xs" gap="md">
            {CARE_NEEDS.map((need) => (
              <Checkbox key={need} value={need} label={labels.careNeed(need)} />
            ))}
          </Group>
        </Checkbox.Group>
      </Stack>
    </Fieldset>
  );
}

function CareTeamFields({
  draft,
  update,
  error,
}: {
  draft: TransitionDraft;
  update: (change: Partial<TransitionDraft>) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const access = useAccess();
  const organizationId = activeMembership(session)?.organization.id ?? '';
  const canList = access.can('member.read');
  const members = useQuery({
    queryKey: ['members', organizationId],
    queryFn: () => listMembers(organizationId),
    enabled: canList && !!organizationId,
  });
  const self = { value: session.activeMembershipId ?? '', label: session.user.displayName };
  const people = members.data
    ? members.data.items
        .filter((m) => m.status === 'active')
        .map((m) => ({ value: m.membershipId, label: m.displayName }))
        .sort((a, b) => a.label.localeCompare(b.label))
    : [self];
  const options = [{ value: '', label: t('transitions.form.nobody') }, ...people];
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <NativeSelect
        label={t('transitions.fields.navigator')}
        value={draft.navigatorMembershipId}
        onChange={(e) => update({ navigatorMembershipId: e.currentTarget.value })}
        error={fieldError(error, 'careTeam.navigatorMembershipId')}
        data={options}
      />
      {members.data ? (
        <>
          <NativeSelect
            label={t('transitions.fields.peer')}
            value={draft.peerMembershipId}
            onChange={(e) => update({ peerMembershipId: e.currentTarget.value })}
            error={fieldError(error, 'careTeam.peerMembershipId')}
            data={options}
          />
          <NativeSelect
            label={t('transitions.fields.clinician')}
            value={draft.clinicianMembershipId}
            onChange={(e) => update({ clinicianMembershipId: e.currentTarget.value })}
            error={fieldError(error, 'careTeam.clinicianMembershipId')}
            data={options}
          />
        </>
      ) : null}
    </SimpleGrid>
  );
}
