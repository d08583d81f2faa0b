/**
 * Human labels for vocabulary codes (roles, organization kinds, CBO subtypes, Part 2 legal
 * statuses) in the active language; an unknown code is shown as it is.
 */
import { useTranslation } from 'react-i18next';
import { CBO_SUBTYPES, ORGANIZATION_KINDS, PART2_LEGAL_STATUSES, ROLES } from '../vocabulary.ts';

const known = <T extends string>(list: readonly T[], code: string): code is T => list.includes(code as T);

export interface Labels {
  role: (code: string) => string;
  kind: (code: string) => string;
  subtype: (code: string | null | undefined) => string;
  part2Status: (code: string) => string;
}

export function useLabels(): Labels {
  const { t } = useTranslation();
  return {
    role: (code) => (known(ROLES, code) ? t(`vocab.role.${code}`) : code),
    kind: (code) => (known(ORGANIZATION_KINDS, code) ? t(`vocab.organizationKind.${code}`) : code),
    subtype: (code) => (code ? (known(CBO_SUBTYPES, code) ? t(`vocab.cboSubtype.${code}`) : code) : '—'),
    part2Status: (code) => (known(PART2_LEGAL_STATUSES, code) ? t(`vocab.part2LegalStatus.${code}`) : code),
  };
}
