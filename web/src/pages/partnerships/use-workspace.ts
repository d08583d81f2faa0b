/** The partnership workspace as server state: one query, and writes that store the view they return. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getPartnership, type Partnership } from '../../api/partnerships.ts';
import { notifySuccess } from '../../components/notify.ts';

export const partnershipKey = (id: string) => ['partnerships', 'one', id] as const;

export function usePartnership(id: string) {
  return useQuery({ queryKey: partnershipKey(id), queryFn: () => getPartnership(id) });
}

/** A write on the workspace: the server answers with the whole view, which replaces the cached one. */
export function useWorkspaceWrite<V>(
  id: string,
  write: (variables: V) => Promise<Partnership>,
  success?: string | ((view: Partnership) => string),
  after?: () => void,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (view) => {
      client.setQueryData(partnershipKey(id), view);
      void client.invalidateQueries({ queryKey: ['partnerships', 'list'] });
      if (success) notifySuccess(typeof success === 'string' ? success : success(view));
      after?.();
    },
  });
}
