/**
 * Payment intents: fri, nequi and globalPay-PSE are special-cased and answer `{requiredFields}`; every other
 * processor answers `data: null` (payment-intents page). Processors are chosen from the transaction's
 * `paymentMethods`, the runtime source of truth.
 */
import { test, expect, goLive } from '../../fixtures';
import {
  SPECIAL_CASED_INTENTS,
  createTransaction,
  notEnabled,
  expectValidationRefusal,
} from './alternative-flow';

test.describe('POST /api/v1/integrations/transactions/{transactionId}/payment-intents', () => {
  test.beforeEach(({ requires }) => requires('middleware'));

  test(
    'answers fri with the requiredFields phoneNumber and user',
    goLive('GL-AUTH-03', 'GL-INT-02'),
    async ({ api, cardholder, migoConfig }) => {
      const txn = await createTransaction(api, cardholder.userId, migoConfig.charge.amount);
      test.skip(!txn.paymentMethods.includes('fri'), notEnabled('fri', txn));
      const intent = await api.alternative.paymentIntents(txn.uid, 'fri');
      expect(intent.status).toBe(200);
      const { data } = intent.body as {
        data: { requiredFields: Record<string, { required?: unknown; description?: unknown }> };
      };
      expect(Object.keys(data.requiredFields)).toEqual(expect.arrayContaining(['phoneNumber', 'user']));
      // Either field will do ("Al menos uno de los dos campos es requerido"), so neither is required alone.
      expect(data.requiredFields.phoneNumber).toMatchObject({ required: false });
      expect(data.requiredFields.user).toMatchObject({ required: false });
    },
  );

  test(
    'answers data null for a processor that is not special-cased',
    goLive('GL-AUTH-03', 'GL-INT-02'),
    async ({ api, cardholder, migoConfig }) => {
      const txn = await createTransaction(api, cardholder.userId, migoConfig.charge.amount);
      const plain = txn.paymentMethods.find((p) => !(SPECIAL_CASED_INTENTS as readonly string[]).includes(p));
      test.skip(plain === undefined, 'every enabled processor is special-cased (fri, nequi, globalPay-PSE)');
      const intent = await api.alternative.paymentIntents(txn.uid, plain!);
      expect(intent.status).toBe(200);
      expect((intent.body as { data: unknown }).data, `data for ${plain}`).toBeNull();
    },
  );

  test(
    'rejects an unknown processor as a validation error in the ownCode envelope',
    goLive('GL-INT-02', 'GL-ERR-01'),
    async ({ api, cardholder, migoConfig }) => {
      const txn = await createTransaction(api, cardholder.userId, migoConfig.charge.amount);
      const intent = await api.alternative.paymentIntents(txn.uid, 'no-such-processor');
      expectValidationRefusal(migoConfig.readings, intent, 'an unknown processor is refused');
    },
  );
});
