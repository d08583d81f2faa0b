/**
 * The MOUD plan part of the transition form: medication and formulation (only the formulations that exist
 * for the medication), dose as written, first and last in-hospital dose, the bridge the patient leaves with
 * (a prescription's days supply, 72-hour methadone doses, an injection, or none) and naloxone.
 */
import {
  Checkbox,
  Fieldset,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import {
  BRIDGE_KINDS,
  FORMULATIONS_OF,
  MAX_BRIDGE_DAYS,
  MAX_METHADONE_DOSES,
  MEDICATIONS,
  type BridgeKind,
  type Formulation,
  type Medication,
} from '../../api/transitions.ts';
import { DateTimeField } from './datetime-field.tsx';
import { withMedication, type PlanDraft } from './transition-draft.ts';
import { useTransitionLabels } from './transition-labels.ts';

export function MoudPlanFields({
  plan,
  update,
  error,
  prefix = 'moudPlan',
}: {
  plan: PlanDraft;
  update: (plan: PlanDraft) => void;
  /** The failed save, for field errors. */
  error: unknown;
  /** Where the plan sits in the request body, for matching field errors. */
  prefix?: string;
}) {
  const { t } = useTranslation();
  const labels = useTransitionLabels();
  const err = (field: string) => fieldError(error, `${prefix}.${field}`);
  const set = (change: Partial<PlanDraft>) => update({ ...plan, ...change });
  return (
    <Fieldset legend={t('transitions.plan.legend')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('transitions.plan.medication')}
            value={plan.medication}
            onChange={(e) => update(withMedication(plan, e.currentTarget.value as Medication))}
            error={err('medication')}
            data={MEDICATIONS.map((m) => ({ value: m, label: labels.medication(m) }))}
          />
          <NativeSelect
            label={t('transitions.plan.formulation')}
            value={plan.formulation}
            onChange={(e) => set({ formulation: e.currentTarget.value as Formulation })}
            error={err('formulation')}
            data={FORMULATIONS_OF[plan.medication].map((f) => ({ value: f, label: labels.formulation(f) }))}
          />
          <TextInput
            label={t('transitions.plan.dose')}
            description={t('transitions.plan.doseHint')}
            required
            maxLength={100}
            value={plan.dose}
            onChange={(e) => set({ dose: e.currentTarget.value })}
            error={err('dose')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateTimeField
            label={t('transitions.plan.firstDoseAt')}
            value={plan.firstDoseAt}
            onChange={(firstDoseAt) => set({ firstDoseAt })}
            error={err('firstDoseAt')}
          />
          <DateTimeField
            label={t('transitions.plan.lastDoseAt')}
            value={plan.lastDoseAt}
            onChange={(lastDoseAt) => set({ lastDoseAt })}
            error={err('lastDoseAt')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('transitions.plan.bridge')}
            description={t('transitions.plan.bridgeHint')}
            value={plan.bridgeKind}
            onChange={(e) => set({ bridgeKind: e.currentTarget.value as BridgeKind })}
            error={err('bridge.kind')}
            data={BRIDGE_KINDS.map((k) => ({ value: k, label: labels.bridgeKind(k) }))}
          />
          {plan.bridgeKind === 'prescription' ? (
            <NumberInput
              label={t('transitions.plan.bridgeDays')}
              min={1}
              max={MAX_BRIDGE_DAYS}
              allowDecimal={false}
              required
              value={plan.bridgeDays}
              onChange={(bridgeDays) => set({ bridgeDays })}
              error={err('bridge.days')}
            />
          ) : null}
          {plan.bridgeKind === 'methadone_72h' ? (
            <NumberInput
              label={t('transitions.plan.bridgeDoses')}
              min={1}
              max={MAX_METHADONE_DOSES}
              allowDecimal={false}
              required
              value={plan.bridgeDoses}
              onChange={(bridgeDoses) => set({ bridgeDoses })}
              error={err('bridge.doses')}
            />
          ) : null}
        </SimpleGrid>
        <Checkbox
          label={t('transitions.plan.naloxoneGiven')}
          checked={plan.naloxoneGiven}
          onChange={(e) => set({ naloxoneGiven: e.currentTarget.checked })}
        />
        <Textarea
          label={t('transitions.plan.notes')}
          autosize
          minRows={2}
          maxLength={2000}
          value={plan.notes}
          onChange={(e) => set({ notes: e.currentTarget.value })}
          error={err('notes')}
        />
      </Stack>
    </Fieldset>
  );
}
