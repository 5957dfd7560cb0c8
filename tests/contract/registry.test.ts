import { expect, test } from '@playwright/test';
import type { AltDismiss, PaymentLink, VirtualCard } from '../../schemas';
import { DOCUMENTED_VALUES } from '../../schemas/documented-values';
import {
  SCHEMA_NAMES,
  schemaFor,
  schemaSummary,
  strictSchemaFor,
  undocumentedFields,
  validate,
  type SchemaName,
} from '../../schemas/registry';
import { loadVectors } from '../../schemas/vectors';

/** The names agreed in the interfaces (section A). */
const AGREED_NAMES = [
  'custom-response',
  'gateway-error',
  'middleware-error',
  'middleware-success',
  'payment-link',
  'payment-link-request',
  'transactions-hook-request',
  'alt-transaction-request',
  'alt-transaction',
  'alt-payment-intent-request',
  'alt-payment-intent',
  'alt-payment-request',
  'alt-payment',
  'alt-dismiss',
  'alt-status',
  'merchant-callback',
  'return-url-query',
  'login-request',
  'login-response',
  'refresh-request',
  'token-expired',
  'auth-error',
  'health',
  'user-request',
  'virtual-card',
  'funds-request',
  'cms-app-login-request',
  'cms-app-login-response',
  'cms-user-login-request',
  'cms-user-login-response',
  'cms-cardholder-request',
];

const LINK = { uid: 'trx_1', reference: 'REF1', URL: 'https://sandbox.migopayments.com/?orderId=trx_1' };

test('the registry holds exactly the agreed names', () => {
  expect([...SCHEMA_NAMES].sort()).toEqual([...AGREED_NAMES].sort());
});

test('every schema has its stable $id, cites a doc page and has a one-line summary', () => {
  for (const name of SCHEMA_NAMES) {
    // Widened on purpose: matching on the union of every schema's literal type costs tsc ~25 s.
    const schema: { $id: string; description: string } = schemaFor(name);
    expect(schema.$id).toBe(`https://contract.migo.test/schemas/${name}.json`);
    expect(schema.description, name).toContain('https://api-docs.migopayments.com/en/');
    expect(schemaSummary(name).length, name).toBeLessThan(120);
  }
});

test('an error path names the field itself', () => {
  const { URL: _url, ...withoutUrl } = LINK;
  expect(validate('payment-link', { ...withoutUrl, url: LINK.URL })).toEqual({
    valid: false,
    errors: [{ path: '/URL', message: "must have required property 'URL'" }],
  });
  expect(validate('payment-link', { ...LINK, success: true }).errors).toEqual([
    { path: '/success', message: 'must not be present' },
  ]);
  expect(validate('custom-response', { success: false }).errors).toEqual([
    { path: '/errors', message: "must have required property 'errors'" },
  ]);
  expect(validate('custom-response', { success: false, errors: [{ code: 7100 }] }).errors).toEqual([
    { path: '/errors/0/message', message: "must have required property 'message'" },
    { path: '/errors/0/code', message: 'must be string' },
  ]);
});

test('an unknown name is a clear error for untyped callers', () => {
  expect(() => validate('paymentlink' as SchemaName, {})).toThrow(/unknown schema name "paymentlink"/);
  expect(() => undocumentedFields('nope' as SchemaName, {})).toThrow(/unknown schema name "nope"/);
});

test('response schemas accept unknown fields; the strict variant reports them', () => {
  const body = { ...LINK, createdAt: 'now', 'odd/key': 1 };
  expect(validate('payment-link', body).valid).toBe(true);
  expect(undocumentedFields('payment-link', body)).toEqual(['/createdAt', '/odd~1key']);
  expect(undocumentedFields('payment-link', LINK)).toEqual([]);
});

test('the strict variant sees into typed envelopes and arrays', () => {
  const card = { success: true, data: { cardId: 7, pan: '4000000000001000' }, requestId: 'r' };
  expect(validate('virtual-card', card).valid).toBe(true);
  expect(undocumentedFields('virtual-card', card).sort()).toEqual(['/data/pan', '/requestId']);
  const error = { success: false, errors: [{ code: '7000', message: 'x', field: 'amount' }] };
  expect(undocumentedFields('gateway-error', error)).toEqual(['/errors/0/field']);
});

test('open enums: unknown values of the right case pass, and are reported as drift', () => {
  expect(validate('alt-status', 'PARTIALLY_REFUNDED').valid).toBe(true);
  expect(undocumentedFields('alt-status', 'PARTIALLY_REFUNDED')).toEqual(['']);
  expect(undocumentedFields('alt-status', 'APPROVED')).toEqual([]);
  expect(validate('alt-status', 'approved').valid).toBe(false);
  const callback = { uid: 'trx_1', reference: 'REF1', status: 'chargeback' };
  expect(validate('merchant-callback', callback).valid).toBe(true);
  expect(undocumentedFields('merchant-callback', callback)).toEqual(['/status']);
});

test('a finding inside an anyOf branch does not make its siblings look undocumented', () => {
  const dismissed = { message: 'done', transaction: { uid: 'trx_1', status: 'VOIDED', processor: 'zigi' } };
  expect(validate('alt-dismiss', dismissed).valid).toBe(true);
  expect(undocumentedFields('alt-dismiss', dismissed).sort()).toEqual([
    '/transaction/processor',
    '/transaction/status',
  ]);
  expect(undocumentedFields('alt-dismiss', 'OK')).toEqual([]);
  const expired = { statusCode: 401, message: 'TOKEN_EXPIRED', error: 'Unauthorized' };
  expect(undocumentedFields('token-expired', expired)).toEqual([]);
});

test('free-form objects stay free-form in the strict variant', () => {
  const request = { amount: 1, userId: 'u', channel: 'web', customKeys: { anything: { nested: true } } };
  expect(undocumentedFields('payment-link-request', request)).toEqual([]);
  const intent = { success: true, data: { requiredFields: { phoneNumber: { required: false } } } };
  expect(undocumentedFields('alt-payment-intent', intent)).toEqual([]);
});

test('documented examples have no undocumented fields', () => {
  for (const name of SCHEMA_NAMES) {
    for (const c of loadVectors(name).flatMap((group) => group.tests)) {
      if (c.source) expect(undocumentedFields(name, c.data), `${name}: ${c.description}`).toEqual([]);
    }
  }
});

test('strict variants are derived, and leave the lenient schemas untouched', () => {
  for (const name of SCHEMA_NAMES) {
    const strict = strictSchemaFor(name) as Record<string, unknown>;
    expect(strict.$id).toBe(`https://contract.migo.test/schemas/strict/${name}.json`);
    expect(JSON.stringify(schemaFor(name))).not.toContain('unevaluatedProperties');
  }
  const strictStatus = strictSchemaFor('alt-status') as Record<string, unknown>;
  expect(strictStatus.enum).toEqual(schemaFor('alt-status')[DOCUMENTED_VALUES]);
  expect((strictSchemaFor('payment-link') as Record<string, unknown>).unevaluatedProperties).toBe(false);
});

test('derived types follow the schemas', () => {
  // Compile-time half: `tsc` rejects these lines if FromSchema drifts from the schema.
  const link: PaymentLink = LINK;
  // @ts-expect-error the uppercase URL is required
  const lowercase: PaymentLink = { uid: 'trx_1', reference: 'REF1', url: LINK.URL };
  const card: VirtualCard = { success: true, data: { cardId: 7 } };
  const cardId: number = card.data.cardId;
  const dismissed: AltDismiss = 'OK';
  // Run-time half: the same values against the same schemas.
  expect(validate('payment-link', link).valid).toBe(true);
  expect(validate('payment-link', lowercase).valid).toBe(false);
  expect(validate('virtual-card', card).valid).toBe(true);
  expect(cardId).toBe(7);
  expect(validate('alt-dismiss', dismissed).valid).toBe(true);
});
