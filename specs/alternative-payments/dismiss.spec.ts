/**
 * The dismiss matrix (dismiss-transaction page): CREATED/USED → DISMISSED, text `OK`; IN_PROGRESS with a dedicated
 * cancel hook → CANCELLED, JSON `{message, transaction:{uid, status}}`; IN_PROGRESS with a generic upstream cancel →
 * `OK`; IN_PROGRESS without a hook → 405 / ownCode 4021; APPROVED, DENIED, EXPIRED, DISMISSED → 409 / ownCode 4020;
 * unknown → 404 / 2000; missing transactionId → 400 / 5000. Statuses are uppercase.
 *
 * The page also calls dismiss "idempotent for the unpaid states" while listing DISMISSED as ineligible (409): a
 * repeated dismiss is accepted in either form, and the form seen is recorded. Either form is the same whether or not
 * the first dismiss took effect, so the state itself is read back where it can be (the simulator: Migo documents no
 * read of an Alternative Payments transaction). Expected answers and states come from specs/documented/.
 */
import { test, expect, goLive } from '../../fixtures';
import {
  CANCEL_HOOK_PROCESSOR,
  LOCAL_MODEL_ONLY,
  MODELLED_NO_CANCEL_PROCESSOR,
  MODELLED_UPSTREAM_CANCEL_PROCESSOR,
  createTransaction,
  expect200,
  expectCancelHookDismiss,
  noDataProcessor,
  notEnabled,
  ownCodeOf,
  unknownTransactionUid,
  type Exchange,
} from './alternative-flow';
import { DISMISS_MATRIX, DISMISS_OK } from '../documented';

/** The documented plain-text answer of a dismiss that takes effect (dismiss page: "200 OK (plain text `OK`)"). */
function expectOk(x: Exchange): void {
  expect(x.status, `${x.endpoint} status`).toBe(DISMISS_OK.status);
  expect(x.text.trim(), 'the plain-text answer').toBe(DISMISS_OK.text);
}

function expectRefused(x: Exchange, status: number, ownCode: number, why: string): void {
  expect({ status: x.status, ownCode: ownCodeOf(x) }, `dismiss of ${why}: HTTP status and ownCode`).toEqual({
    status,
    ownCode,
  });
}

/**
 * A repeated dismiss: the page calls dismiss "idempotent for the unpaid states" (OK again) and lists DISMISSED as
 * ineligible (409 / 4020); either form is accepted.
 */
function expectRepeatAnswer(again: Exchange): void {
  if (again.status === DISMISS_OK.status) expectOk(again);
  else expectRefused(again, 409, 4020, 'a DISMISSED transaction');
}

test.describe('POST /api/v1/integrations/transactions/{transactionId}/dismiss', () => {
  test.beforeEach(({ requires }) => requires('middleware'));

  test(
    'dismisses a CREATED transaction with the text OK, and answers a repeat with OK or 409 (ownCode 4020)',
    goLive('GL-AUTH-03', 'GL-INT-02'),
    async ({ api, cardholder, migoConfig }, testInfo) => {
      const { uid } = await createTransaction(api, cardholder.userId, migoConfig.charge.amount);
      expectOk(await api.alternative.dismiss(uid));
      const again = await api.alternative.dismiss(uid);
      expectRepeatAnswer(again);
      testInfo.annotations.push({
        type: 'observed',
        description: `a repeated dismiss answers ${again.status === 200 ? 'OK (idempotent)' : '409 / 4020 (DISMISSED is ineligible)'}`,
      });
    },
  );

  test(
    'leaves a CREATED transaction DISMISSED after a dismiss and its repeat: the state read back',
    goLive('GL-INT-02'),
    async ({ api, cardholder, migoConfig, sim }) => {
      // Either answer to the repeat (OK, or 409/4020) is the same whether or not the first dismiss took effect: only
      // the transaction's state says. Migo documents no read of it, so the simulator's record is read (`sim`
      // skips this test against Migo, with the reason).
      const { uid } = await createTransaction(api, cardholder.userId, migoConfig.charge.amount);
      expectOk(await api.alternative.dismiss(uid));
      expect((await sim.alternative(uid)).status, 'the transaction after the dismiss').toBe(
        DISMISS_MATRIX.dismissedStatus,
      );
      expectRepeatAnswer(await api.alternative.dismiss(uid));
      expect((await sim.alternative(uid)).status, 'the transaction after a dismiss and its repeat').toBe(
        DISMISS_MATRIX.dismissedStatus,
      );
    },
  );

  test(
    'dismisses a transaction after payment-intents (USED) with the text OK',
    goLive('GL-AUTH-03', 'GL-INT-02'),
    async ({ api, cardholder, migoConfig }) => {
      const txn = await createTransaction(api, cardholder.userId, migoConfig.charge.amount);
      const processor = noDataProcessor(txn);
      test.skip(!processor, notEnabled('a processor that needs no data', txn));
      expect200(await api.alternative.paymentIntents(txn.uid, processor!), 'ask for the payment intent');
      expectOk(await api.alternative.dismiss(txn.uid));
    },
  );

  test(
    `cancels an IN_PROGRESS ${CANCEL_HOOK_PROCESSOR} transaction as the reading zigi-dismiss says (default: its cancel hook, CANCELLED as JSON)`,
    goLive('GL-AUTH-03', 'GL-INT-02'),
    async ({ api, cardholder, migoConfig }) => {
      const txn = await createTransaction(api, cardholder.userId, migoConfig.charge.amount);
      test.skip(!txn.paymentMethods.includes(CANCEL_HOOK_PROCESSOR), notEnabled(CANCEL_HOOK_PROCESSOR, txn));
      expect200(await api.alternative.pay(txn.uid, CANCEL_HOOK_PROCESSOR), 'start the payment');
      const dismissed = await api.alternative.dismiss(txn.uid);
      expect(dismissed.status).toBe(200);
      expectCancelHookDismiss(migoConfig.readings, dismissed, txn.uid);
    },
  );

  test(
    'dismisses an IN_PROGRESS transaction with a generic upstream cancel with the text OK',
    goLive('GL-INT-02'),
    async ({ api, cardholder, migoConfig }) => {
      test.skip(migoConfig.target !== 'local', LOCAL_MODEL_ONLY);
      const txn = await createTransaction(api, cardholder.userId, migoConfig.charge.amount);
      expect200(await api.alternative.pay(txn.uid, MODELLED_UPSTREAM_CANCEL_PROCESSOR), 'start the payment');
      expectOk(await api.alternative.dismiss(txn.uid));
    },
  );

  test(
    'refuses an IN_PROGRESS transaction whose processor has no cancel hook with 405 (ownCode 4021)',
    goLive('GL-INT-02', 'GL-ERR-01'),
    async ({ api, cardholder, migoConfig }) => {
      test.skip(migoConfig.target !== 'local', LOCAL_MODEL_ONLY);
      const txn = await createTransaction(api, cardholder.userId, migoConfig.charge.amount);
      expect200(await api.alternative.pay(txn.uid, MODELLED_NO_CANCEL_PROCESSOR), 'start the payment');
      expectRefused(
        await api.alternative.dismiss(txn.uid),
        405,
        4021,
        `an IN_PROGRESS ${MODELLED_NO_CANCEL_PROCESSOR} transaction (no cancel hook)`,
      );
    },
  );

  for (const status of ['APPROVED', 'DENIED'] as const) {
    test(
      `refuses ${status === 'APPROVED' ? 'an' : 'a'} ${status} transaction with 409 (ownCode 4020)`,
      goLive('GL-INT-02', 'GL-ERR-01'),
      async ({ api, sim, cardholder, migoConfig }) => {
        const txn = await createTransaction(api, cardholder.userId, migoConfig.charge.amount);
        const processor = noDataProcessor(txn);
        test.skip(!processor, notEnabled('a processor that needs no data', txn));
        expect200(await api.alternative.pay(txn.uid, processor!), 'start the payment');
        await sim.completeAlternative(txn.uid, status);
        expectRefused(
          await api.alternative.dismiss(txn.uid),
          409,
          4020,
          `${status === 'APPROVED' ? 'an' : 'a'} ${status} transaction`,
        );
      },
    );
  }

  test(
    'refuses a transaction past its expireAt (EXPIRED) with 409 (ownCode 4020)',
    goLive('GL-INT-02', 'GL-ERR-01'),
    async ({ api, sim, cardholder, migoConfig }) => {
      const txn = await createTransaction(api, cardholder.userId, migoConfig.charge.amount);
      // expireAt counts seconds: one more on the simulator clock and the transaction has expired.
      await sim.advanceClock(txn.expireAt + 1);
      expectRefused(await api.alternative.dismiss(txn.uid), 409, 4020, 'an EXPIRED transaction');
    },
  );

  test(
    'answers an unknown transaction with 404 (ownCode 2000)',
    goLive('GL-INT-02', 'GL-ERR-01'),
    async ({ api, cardholder, migoConfig }) => {
      const { uid } = await createTransaction(api, cardholder.userId, migoConfig.charge.amount);
      expectRefused(
        await api.alternative.dismiss(unknownTransactionUid(uid)),
        404,
        2000,
        'an unknown transaction',
      );
    },
  );

  test(
    'answers a missing transactionId with 400 (ownCode 5000)',
    goLive('GL-INT-02', 'GL-ERR-01'),
    async ({ api }) => {
      expectRefused(await api.alternative.dismiss(''), 400, 5000, 'an empty transactionId');
    },
  );
});
