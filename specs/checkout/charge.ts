/**
 * One charge through the hosted checkout, as every checkout spec makes it: a Payment Link created with the
 * disposable cardholder and the configured amount, paid in the browser with the card for an outcome, then the
 * Merchant Generic Callback for its uid. Identifiers come from the create response, never built by the spec.
 */
import type { Page } from '@playwright/test';
import { expect, type CheckoutPayer, type DisposableCardholder } from '../../fixtures';
import type { Readings } from '../../schemas/readings';
import {
  expectCallback,
  firstDeliveryFor,
  mayBeCallbackOf,
  type DeliverySource,
  type RecordedDelivery,
} from '../webhooks/received-deliveries';
import { expectNoCardData, recordCheckoutTraffic, type CardSecrets, type SeenResponse } from './card-data';

export type CardOutcome = Parameters<CheckoutPayer['pay']>[1];
type PayResult = Awaited<ReturnType<CheckoutPayer['pay']>>;

export interface PaymentLink {
  uid: string;
  reference: string;
  url: string;
}

interface LinkCreator<B> {
  paymentLinks: {
    linkRequest(overrides: { userId: string; amount: number }): B;
    create(body: B): Promise<{ body: unknown }>;
    /** The link of a create answer, wherever the reading payment-link-url puts it. */
    linkOf(x: { body: unknown }): { uid?: string; reference?: string; url?: string };
  };
}

export interface ChargeFixtures<B, D extends RecordedDelivery> {
  api: LinkCreator<B>;
  page: Page;
  payer: CheckoutPayer;
  callbacks: DeliverySource<D>;
  cardholder: DisposableCardholder;
  migoConfig: { charge: { amount: number }; timeouts: { callbackMs: number }; readings: Readings };
}

export interface Charge<D extends RecordedDelivery> {
  link: PaymentLink;
  card: CardSecrets;
  paid: PayResult;
  /** What the browser received from the submit of the card to landing on the return URL. */
  responses: SeenResponse[];
  /** The first Merchant Generic Callback for the link's uid (or the first without a readable uid). */
  callback: D;
  /** The run's profile, which says how the callback writes what it carries. */
  readings: Readings;
}

export async function createPaymentLink<B>(
  api: LinkCreator<B>,
  userId: string,
  amount: number,
): Promise<PaymentLink> {
  const created = await api.paymentLinks.create(api.paymentLinks.linkRequest({ userId, amount }));
  const { uid, reference, url } = api.paymentLinks.linkOf(created);
  expect({ uid, reference, url }, 'the create response carries uid, reference and the link').toEqual({
    uid: expect.any(String),
    reference: expect.any(String),
    url: expect.any(String),
  });
  return { uid: uid!, reference: reference!, url: url! };
}

export async function charge<B, D extends RecordedDelivery>(
  { api, page, payer, callbacks, cardholder, migoConfig }: ChargeFixtures<B, D>,
  outcome: CardOutcome,
  options: { threeDs?: 'approve' | 'fail' } = {},
): Promise<Charge<D>> {
  const link = await createPaymentLink(api, cardholder.userId, migoConfig.charge.amount);
  const { pan, cvc } = cardholder.card(outcome);
  const traffic = recordCheckoutTraffic(page);
  const paid = await payer.pay(link.url, outcome, options);
  const responses = await traffic.responses();
  const callback = await firstDeliveryFor(callbacks, link.uid, migoConfig.timeouts.callbackMs);
  return { link, card: { pan, cvc }, paid, responses, callback, readings: migoConfig.readings };
}

/**
 * How a charge must end, everywhere it shows: the return URL and the callback carry the create response's uid and
 * reference with `status`, no delivery for the link says anything else, the order is fulfilled once with that
 * status, and no page, redirect or callback carries the card number or CVV.
 */
export function expectOutcome<D extends RecordedDelivery>(
  { link, card, paid, responses, callback, readings }: Charge<D>,
  callbacks: { deliveries: D[]; fulfilments: { uid: string; status: string }[] },
  status: 'approved' | 'denied',
): void {
  expect(paid.query, `the return URL carries the create response's uid and reference, and ${status}`).toEqual(
    {
      uid: link.uid,
      reference: link.reference,
      status,
    },
  );
  expectCallback(
    callback,
    { uid: link.uid, reference: link.reference, status, flow: 'payment-link' },
    readings,
  );
  // Every delivery for this link (redeliveries too), not only the first.
  const forLink = callbacks.deliveries.filter(mayBeCallbackOf(link.uid));
  expect(
    forLink.filter((d) => d.status !== undefined && d.status.toLowerCase() !== status).map((d) => d.seq),
    `no delivery for this link says anything but ${status}`,
  ).toEqual([]);
  expect(
    callbacks.fulfilments.filter((f) => f.uid === link.uid).map((f) => f.status.toLowerCase()),
    `the order is fulfilled once, as ${status}`,
  ).toEqual([status]);
  expectNoCardData(card, { returnUrl: paid.returnUrl, responses, callbacks: forLink });
}
