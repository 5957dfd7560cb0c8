/**
 * Field shapes shared by several schemas (no `$id`: they are inlined where used, so every registered schema
 * stays self-contained).
 */
export const NonEmptyStringSchema = { type: 'string', minLength: 1 } as const;

export const CurrencySchema = {
  type: 'string',
  pattern: '^[A-Z]{3}$',
  description: 'ISO 4217 alphabetic code, e.g. GTQ, USD, DOP, MXN.',
} as const;

export const PositiveAmountSchema = {
  type: 'number',
  exclusiveMinimum: 0,
  description:
    'A JSON number in major units (e.g. 125.50). Positive: zero or less is error 7001 on the Wallet Gateway; on the Middleware a positive amount is our assumption (it is checked against the merchant min/max).',
} as const;

/** Free-form merchant metadata; its keys are the merchant's own (e.g. `orderId`). */
export const CustomKeysSchema = {
  type: 'object',
  description: 'Free-form merchant keys echoed back for correlation, e.g. {"orderId": "..."}.',
} as const;

export const UuidShapedSchema = {
  type: 'string',
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
} as const;
