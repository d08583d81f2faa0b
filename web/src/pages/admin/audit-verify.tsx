/** "Verify chain": asks the server to recompute every audit hash chain and shows the result per chain. */
import { Alert, Button, List, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { verifyAuditChains } from '../../api/audit.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function AuditVerify() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: verifyAuditChains });
  const chains = verify.data?.chains;
  const allOk = chains?.every((c) => c.ok) ?? false;
  return (
    <Stack gap="xs">
      <Button onClick={() => verify.mutate()} loading={verify.isPending} w="fit-content">
        {t('admin.audit.verify')}
      </Button>
      <ErrorAlert error={verify.error} />
      {chains ? (
        <Alert
          color={allOk ? 'teal' : 'red'}
          variant="light"
          role="status"
          title={allOk ? t('admin.audit.verifyOk') : t('admin.audit.verifyBroken')}
          data-testid="audit-verify-result"
        >
          <List size="sm">
            {chains.map((c) => (
              <List.Item key={c.chain}>
                {c.ok
                  ? t('admin.audit.chainOk', { chain: c.chain, count: c.events })
                  : t('admin.audit.chainBroken', {
                      chain: c.chain,
                      count: c.events,
                      at: String(c.firstBroken ?? '?'),
                    })}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Stack>
  );
}
