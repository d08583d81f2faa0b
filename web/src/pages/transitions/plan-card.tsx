/** The MOUD plan in words: medication, formulation, dose, doses in hospital, the bridge and naloxone. */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MoudPlanView } from '../../api/transitions.ts';
import { FactsTable } from './facts-table.tsx';
import { useTransitionLabels } from './transition-labels.ts';

export function PlanFacts({ plan, label }: { plan: MoudPlanView | null; label: string }) {
  const { t } = useTranslation();
  const labels = useTransitionLabels();
  if (!plan) return <Text>{t('transitions.plan.none')}</Text>;
  const kind = labels.bridgeKind(plan.bridge.kind);
  const bridge =
    plan.bridge.kind === 'prescription' && plan.bridge.days
      ? t('transitions.plan.bridgeDaysSupply', { kind, count: plan.bridge.days })
      : plan.bridge.kind === 'methadone_72h' && plan.bridge.doses
        ? t('transitions.plan.bridgeDosesGiven', { kind, count: plan.bridge.doses })
        : kind;
  return (
    <FactsTable
      label={label}
      rows={[
        [t('transitions.plan.medication'), labels.medication(plan.medication)],
        [t('transitions.plan.formulation'), labels.formulation(plan.formulation)],
        [t('transitions.plan.dose'), plan.dose],
        [t('transitions.plan.firstDoseAt'), labels.dateTime(plan.firstDoseAt)],
        [t('transitions.plan.lastDoseAt'), labels.dateTime(plan.lastDoseAt)],
        [t('transitions.plan.bridge'), bridge],
        [t('transitions.plan.naloxone'), plan.naloxoneGiven ? t('common.yes') : t('common.no')],
        [t('transitions.plan.notes'), plan.notes ?? '—'],
      ]}
    />
  );
}
