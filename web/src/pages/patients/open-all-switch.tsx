/**
 * The Open / All choice of a review list (emergency accesses, §2.24 requests), kept in the address
 * (`?status=all`) so that a reload or a shared link shows the same list.
 */
import { SegmentedControl, Text } from '@mantine/core';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import type { ReviewListStatus as OpenAll } from '../../api/consents.ts';

export function useOpenAllStatus(): [OpenAll, (status: OpenAll) => void] {
  const [params, setParams] = useSearchParams();
  const status: OpenAll = params.get('status') === 'all' ? 'all' : 'open';
  return [status, (next) => setParams(next === 'all' ? { status: 'all' } : {})];
}

export function OpenAllSwitch(props: {
  label: string;
  openLabel: string;
  allLabel: string;
  value: OpenAll;
  onChange: (status: OpenAll) => void;
}) {
  const labelId = useId();
  return (
    <div>
      <Text id={labelId} size="sm" fw={500} mb={4}>
        {props.label}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        value={props.value}
        onChange={(value) => props.onChange(value === 'all' ? 'all' : 'open')}
        data={[
          { value: 'open', label: props.openLabel },
          { value: 'all', label: props.allLabel },
        ]}
      />
    </div>
  );
}
