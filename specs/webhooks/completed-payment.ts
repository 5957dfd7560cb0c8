/**
 * A transaction that reaches a terminal status without a browser, so webhook specs can run in the parallel API
 * workers: an Alternative Payments transaction created through the Middleware, then completed through the
 * simulator's stand-in for the processor's webhook to Migo, which makes Migo send the Merchant Generic Callback.
 *
 * Only Payment Links return a `reference` (choose-flow page), so the reference a delivery may carry is the one
 * the completion reports for the transaction (whether it must is the reading callback-reference); the checkout
 * specs compare it with a create response.
 */
import { expect } from '../../fixtures';

export interface CompletedPayment {
  uid: string;
  /** The transaction's reference, as the completion reports it (its callback carries it under every-flow). */
  reference: string;
  /** The outcome, lowercase: the Merchant Generic Callback carries it in the case the profile says. */
  status: string;
  flow: 'alternative';
}

interface AlternativeCreate {
  alternative: {
    create(body: { amount: number; channel: string; userId: string }): Promise<{ body: unknown }>;
  };
}

interface ProcessorStandIn {
  completeAlternative(uid: string, status: 'APPROVED' | 'DENIED' | 'EXPIRED'): Promise<unknown>;
}

/** Creates an Alternative Payments transaction and completes it with `status`; the callback follows. */
export async function completedPayment(
  api: AlternativeCreate,
  sim: ProcessorStandIn,
  payer: { userId: string; amount: number },
  status: 'APPROVED' | 'DENIED' = 'APPROVED',
): Promise<CompletedPayment> {
  const created = await api.alternative.create({
    amount: payer.amount,
    channel: 'web',
    userId: payer.userId,
  });
  const uid = (created.body as { data?: { uid?: unknown } }).data?.uid;
  expect(typeof uid, 'the create response carries data.uid').toBe('string');
  const completed = (await sim.completeAlternative(uid as string, status)) as { reference?: unknown };
  expect(typeof completed.reference, 'the completed transaction has a reference').toBe('string');
  return {
    uid: uid as string,
    reference: completed.reference as string,
    status: status.toLowerCase(),
    flow: 'alternative',
  };
}
