/**
 * "Clients must ignore unknown fields and unknown enum values" (versioning page): a field the docs do not name,
 * added anywhere in a valid body, never fails a schema, under any option of any reading. The two places the
 * docs' own shape forbids something are readings: envelope fields beside a Payment Link
 * (payment-link-extra-fields) and a payload kind the checkout cannot render (payload-type-enum).
 */
import { test, expect } from '@playwright/test';
import { READINGS, readingsWith, type Readings } from '../../schemas/readings';
import { SCHEMA_NAMES, hasVariants, loadVectors, validate, type SchemaName } from '../../schemas';

const UNKNOWN = 'x_field_the_docs_do_not_name';

/** Copies of `value` with an unknown field added to one object at a time (top level and every nested one). */
function withUnknownField(value: unknown): unknown[] {
  const copies: unknown[] = [];
  const visit = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, [...path, i]));
    else if (typeof node === 'object' && node !== null) {
      const copy = structuredClone(value) as Record<string | number, unknown>;
      let target = copy as Record<string | number, unknown>;
      for (const key of path) target = target[key] as Record<string | number, unknown>;
      target[UNKNOWN] = { nested: true };
      copies.push(copy);
      for (const [key, child] of Object.entries(node)) visit(child, [...path, key]);
    }
  };
  visit(value, []);
  return copies;
}

/** The default profile, and each non-default option of the readings that shape this schema. */
function profilesFor(name: SchemaName): Readings[] {
  if (!hasVariants(name)) return [readingsWith()];
  return [
    readingsWith(),
    ...READINGS.flatMap((reading) =>
      reading.options
        .filter((o) => o.name !== reading.default)
        .map((o) => readingsWith({ [reading.name]: o.name })),
    ),
  ];
}

test('an unknown field anywhere in a valid body passes every schema', () => {
  let checked = 0;
  // Collected, then asserted once: an expect per copy (thousands) made this one of the slowest tests.
  const failures: { copy: string; errors: unknown }[] = [];
  for (const name of SCHEMA_NAMES)
    for (const readings of profilesFor(name))
      for (const group of loadVectors(name))
        for (const vector of group.tests.filter((t) => t.valid)) {
          // A vector valid under the default profile may not fit another option: only those that do are varied.
          if (!validate(name, vector.data, readings).valid) continue;
          for (const copy of withUnknownField(vector.data)) {
            const { errors } = validate(name, copy, readings);
            if (!Array.isArray(errors) || errors.length > 0)
              failures.push({ copy: `${name} (${vector.description}) with ${UNKNOWN}`, errors });
            checked += 1;
          }
        }
  expect(failures).toEqual([]);
  expect(checked).toBeGreaterThan(100);
});

test('envelope fields beside a Payment Link are the reading payment-link-extra-fields', () => {
  const link = {
    uid: 'trx_8f3c2b1d9e7a',
    reference: 'CLIENT020007SB',
    URL: 'https://sandbox.migopayments.com/?orderId=trx_8f3c2b1d9e7a',
  };
  for (const field of ['success', 'data', 'errors']) {
    const body = { ...link, [field]: field === 'success' ? true : {} };
    expect(validate('payment-link', body).valid, `${field} under forbidden`).toBe(false);
    expect(
      validate('payment-link', body, readingsWith({ 'payment-link-extra-fields': 'ignored' })).valid,
    ).toBe(true);
  }
});

test('a payload kind the docs do not list is the reading payload-type-enum', () => {
  const body = {
    success: true,
    message: 'Success',
    data: { transaction_id: 't1', type: 'deeplink', data: 'x' },
  };
  expect(validate('alt-payment', body).valid).toBe(false);
  expect(validate('alt-payment', body, readingsWith({ 'payload-type-enum': 'open' })).valid).toBe(true);
});
