/** The parser of each import format. */
import { readHsdsCsv } from '../../../integrations/hsds/read-csv.ts';
import { readHsdsJson } from '../../../integrations/hsds/read-json.ts';
import { hsdsToDataset } from '../../../integrations/hsds/to-dataset.ts';
import type { DatasetParser, ImportFormat } from './dataset.ts';
import { parseServicesCsv } from './services-csv.ts';

const PARSERS: Record<ImportFormat, DatasetParser> = {
  'services-csv': parseServicesCsv,
  'hsds-json': (files) => hsdsToDataset(readHsdsJson(files)),
  'hsds-csv': (files) => hsdsToDataset(readHsdsCsv(files)),
};

export function parserFor(format: ImportFormat): DatasetParser {
  return PARSERS[format];
}
