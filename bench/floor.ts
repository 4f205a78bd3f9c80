/**
 * The floor: the least work any YAML schema checker must do for these files, in this process
 * on one thread: read, parse with `yaml`, build plain data, validate with ajv.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { parseDocument } from 'yaml';
import incidentSchema from '../schemas/incident.schema.json';
import { withInstantFormat } from '../server/src/core/model/schemas';

export function measureFloor(files: readonly string[]): number {
  const validate = withInstantFormat(new Ajv({ allErrors: true, strict: true })).compile(incidentSchema);
  const start = process.hrtime.bigint();
  let invalid = 0;
  for (const file of files) {
    const data = parseDocument(readFileSync(file, 'utf8')).toJS();
    if (!validate(data)) invalid++;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (invalid > 0) throw new Error(`${invalid} generated records do not validate: fix the corpus`);
  return elapsed;
}
