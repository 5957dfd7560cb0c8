/**
 * A request the Middleware cannot accept is refused in the Middleware envelope `{success:false, ownCode, message}`,
 * never with a Wallet Gateway code: "the numeric ranges do not overlap and the field names differ"
 * (https://api-docs.migopayments.com/en/concepts/error-handling). Which status (the reading
 * middleware-validation-status, 400 by default) and which ownCode a Payment Link validation error carries are not
 * documented, so any ownCode outside 7000–8099 is accepted here; the envelope is the middleware-error readings'.
 */
import { test, expect, expectUnderReadings, goLive, prodSafe } from '../../fixtures';
import { GATEWAY_CODE_RANGE } from '../../schemas/error-catalog';
import type { Readings } from '../../schemas/readings';
import { validate } from '../../schemas/registry';

/** What is wrong with a validation refusal under a profile, if anything. */
function badRequestProblem(x: { status: number; body: unknown }, readings: Readings): string | undefined {
  const status = Number(readings['middleware-validation-status']);
  if (x.status !== status) return `HTTP ${x.status}, not ${status}`;
  const envelope = validate('middleware-error', x.body, readings).errors;
  if (envelope.length > 0)
    return `the Middleware error envelope fails: ${envelope.map((e) => `${e.path || '/'} ${e.message}`).join('; ')}`;
  return undefined;
}

function expectMiddlewareBadRequest(
  x: { status: number; body: unknown },
  what: string,
  readings: Readings,
): void {
  expectUnderReadings(readings, `${what} is refused as a Middleware validation error`, (profile) =>
    badRequestProblem(x, profile),
  );
  const ownCode = Number((x.body as { ownCode: unknown }).ownCode);
  expect(
    ownCode < GATEWAY_CODE_RANGE.min || ownCode > GATEWAY_CODE_RANGE.max,
    `ownCode ${ownCode} must lie outside the Wallet Gateway range ${GATEWAY_CODE_RANGE.min}–${GATEWAY_CODE_RANGE.max}`,
  ).toBe(true);
  expect(x.body).not.toHaveProperty('uid');
}

test.describe('POST /transactions', () => {
  test.beforeEach(({ requires }) => requires('middleware'));

  test(
    'rejects amount 0 with a Middleware validation error (ownCode outside 7000–8099)',
    prodSafe(goLive('GL-ERR-01')),
    async ({ api, cardholder, migoConfig }) => {
      const x = await api.paymentLinks.create(
        api.paymentLinks.linkRequest({ userId: cardholder.userId, amount: 0 }),
      );
      expectMiddlewareBadRequest(x, 'amount 0', migoConfig.readings);
    },
  );

  test(
    'rejects an amount sent as a string with a Middleware validation error',
    prodSafe(goLive('GL-ERR-01')),
    async ({ api, cardholder, migoConfig }) => {
      const body = api.paymentLinks.linkRequest({
        userId: cardholder.userId,
        amount: migoConfig.charge.amount,
      });
      const x = await api.paymentLinks.create(body, {
        raw: JSON.stringify({ ...body, amount: migoConfig.charge.amountText }),
      });
      expectMiddlewareBadRequest(
        x,
        `amount "${migoConfig.charge.amountText}" (a string)`,
        migoConfig.readings,
      );
    },
  );

  test(
    'rejects a body without userId with a Middleware validation error',
    prodSafe(goLive('GL-ERR-01')),
    async ({ api, cardholder, migoConfig }) => {
      const body = api.paymentLinks.linkRequest({
        userId: cardholder.userId,
        amount: migoConfig.charge.amount,
      });
      const { userId: _omitted, ...withoutUserId } = body;
      const x = await api.paymentLinks.create(body, { raw: JSON.stringify(withoutUserId) });
      expectMiddlewareBadRequest(x, 'a body without userId', migoConfig.readings);
    },
  );

  test(
    'rejects a form-encoded body (not application/json) with a Middleware validation error',
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
      expectMiddlewareBadRequest(x, 'a form-encoded body', migoConfig.readings);
    },
  );
});
