/** mantine-datatable with the app's defaults: bordered, translated empty and loading texts, a caption. */
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';

export interface ListTableProps<T> {
  /** Accessible name of the table. */
  label: string;
  records: T[] | undefined;
  columns: DataTableColumn<T>[];
  idAccessor: keyof T & string;
  fetching?: boolean;
  emptyText?: string;
}

export function ListTable<T>({
  label,
  records,
  columns,
  idAccessor,
  fetching,
  emptyText,
}: ListTableProps<T>) {
  const { t } = useTranslation();
  return (
    <DataTable<T>
      aria-label={label}
      withTableBorder
      borderRadius="sm"
      striped
      highlightOnHover
      minHeight={records?.length ? undefined : 150}
      records={records ?? []}
      columns={columns}
      idAccessor={idAccessor}
      fetching={fetching ?? false}
      noRecordsText={emptyText ?? t('common.empty')}
    />
  );
}
