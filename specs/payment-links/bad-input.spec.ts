/**
 * A request the Middleware cannot accept is a 400 in the Middleware envelope `{success:false, ownCode, message}`,
 * never a Wallet Gateway code: "the numeric ranges do not overlap and the field names differ"
 * (https://api-docs.migopayments.com/en/concepts/error-handling). Which ownCode a Payment Link validation error
 * carries is not documented, so any ownCode outside 7000–8099 is accepted here.
 */
import { test, expect, goLive, prodSafe } from '../../fixtures';
import { GATEWAY_CODE_RANGE } from '../../schemas/error-catalog';
import { validate } from '../../schemas/registry';

function expectMiddlewareBadRequest(x: { status: number; body: unknown }, what: string): void {
  expect(x.status, `${what} must be refused with 400`).toBe(400);
  expect(validate('middleware-error', x.body).errors, 'the body is the Middleware error envelope').toEqual(
    [],
  );
  const { ownCode } = x.body as { ownCode: number };
  expect(
    ownCode < GATEWAY_CODE_RANGE.min || ownCode > GATEWAY_CODE_RANGE.max,
    `ownCode ${ownCode} must lie outside the Wallet Gateway range ${GATEWAY_CODE_RANGE.min}–${GATEWAY_CODE_RANGE.max}`,
  ).toBe(true);
  expect(x.body).not.toHaveProperty('uid');
}

test.describe('POST /transactions', () => {
  test.beforeEach(({ requires }) => requires('middleware'));

  test(
    'rejects amount 0 with a 400 Middleware error (ownCode outside 7000–8099)',
    prodSafe(goLive('GL-ERR-01')),
    async ({ api, cardholder }) => {
      const x = await api.paymentLinks.create(
        api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: 0 }),
      );
      expectMiddlewareBadRequest(x, 'amount 0');
    },
  );

  test(
    'rejects an amount sent as a string with a 400 Middleware error',
    prodSafe(goLive('GL-ERR-01')),
    async ({ api, cardholder, migoConfig }) => {
      const body = api.paymentLinks.linkRequest({
        userId: cardholder.userId,
        amount: migoConfig.charge.amount,
      });
      const x = await api.paymentLinks.create(body, {
        raw: JSON.stringify({ ...body, amount: migoConfig.charge.amountText }),
      });
      expectMiddlewareBadRequest(x, `amount "${migoConfig.charge.amountText}" (a string)`);
    },
  );

  test(
    'rejects a body without userId with a 400 Middleware error',
    prodSafe(goLive('GL-ERR-01')),
    async ({ api, cardholder, migoConfig }) => {
      const body = api.paymentLinks.linkRequest({
        userId: cardholder.userId,
        amount: migoConfig.charge.amount,
      });
      const { userId: _omitted, ...withoutUserId } = body;
      const x = await api.paymentLinks.create(body, { raw: JSON.stringify(withoutUserId) });
      expectMiddlewareBadRequest(x, 'a body without userId');
    },
  );

  test(
    'rejects a form-encoded body (not application/json) with a 400 Middleware error',
    prodSafe(goLive('GL-HDR-04')),
    async ({ api, cardholder, migoConfig }) => {
      const body = api.paymentLinks.linkRequest({
        userId: cardholder.userId,
        amount: migoConfig.charge.amount,
      });
      const form = new URLSearchParams({
        amount: migoConfig.charge.amountText,
        userId: body.userId,
        channel: body.channel,
        client: body.client,
      });
      const x = await api.paymentLinks.create(body, {
        raw: form.toString(),
        contentType: 'application/x-www-form-urlencoded',
      });
      expectMiddlewareBadRequest(x, 'a form-encoded body');
    },
  );
});
