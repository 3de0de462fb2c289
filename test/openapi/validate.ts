/** What both OpenAPI tests (the till's and the cloud's document) judge a document by. */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) with formats; OpenAPI's own keywords tolerated. */
export const schemaAjv = () => addFormats(new Ajv2020({ strict: false, allErrors: true }));

/** The document is valid OpenAPI 3.1, by an OpenAPI validator. */
export async function expectValidOpenApi31(document: unknown): Promise<void> {
  const validator = new Validator();
  const result = await validator.validate(document as Record<string, unknown>);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(result.valid).toBe(true);
  expect(validator.version).toBe('3.1');
}
