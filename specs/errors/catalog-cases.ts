/**
 * Every row of the error catalog (schemas/error-catalog.ts), classified: either a case that drives the API to
 * return the code from outside, or the reason it cannot be. The record type makes a new catalog row fail to
 * compile until it is classified here; error-catalog.spec.ts proves the same at run time.
 */
import type { MigoFixtures } from '../../fixtures';
import type { ErrorCode } from '../../schemas/error-catalog';
import {
  MODELLED_NO_CANCEL_PROCESSOR,
  LOCAL_MODEL_ONLY,
  createTransaction,
  expect200,
  noDataProcessor,
  unknownTransactionUid,
} from '../alternative-payments/alternative-flow';

type Fixtures = MigoFixtures;
type Requirement = Parameters<Fixtures['requires']>[number];

/** What a case needs from the run; `sim` only for cases that use the simulator's control API. */
export type DriveFixtures = Pick<Fixtures, 'api' | 'cardholder' | 'migoConfig' | 'migoTarget' | 'request'> & {
  sim: Fixtures['sim'] | undefined;
};

export interface Answer {
  status: number;
  body: unknown;
}

export interface DrivenCase {
  /** The test title's opening, outcome first: "rejects an amount of 0". */
  outcome: string;
  needs: Requirement[];
  /** Uses the simulator's control API (faults, clock, completing a payment): skipped against Migo. */
  simulator?: true;
  /** Relies on the simulator's model where the docs are silent: the reason it is skipped against Migo. */
  localOnly?: string;
  drive(f: DriveFixtures): Promise<Answer>;
}

export interface NotDrivable {
  notDrivable: string;
}

export type CatalogCase = DrivenCase | NotDrivable;

export function isDriven(c: CatalogCase): c is DrivenCase {
  return 'drive' in c;
}

const NOT_EXERCISED = (what: string) =>
  `${what}: no operation of this suite (schemas/operations.ts) reaches it, so it cannot be driven from outside`;
const INTERNAL = (what: string) =>
  `${what}: an internal failure of Migo's own services, which a client cannot provoke`;

// ---------------------------------------------------------------------------------------------------------------
// Wallet Gateway set-ups: a disposable cardholder with a fresh card (balance 0).

async function newUser(f: DriveFixtures): Promise<string> {
  const { email, userId: phoneNumber, name } = f.cardholder;
  const [firstName = name, lastName = name] = name.split(' ');
  const created = await f.api.wallet.createUser({ firstName, lastName, phoneNumber, username: email });
  if (created.status !== 200)
    throw new Error(`could not create the cardholder: ${created.status} ${created.text}`);
  return (created.body as { data: { userId: string } }).data.userId;
}

async function newCard(f: DriveFixtures): Promise<number> {
  const card = await f.api.wallet.createVirtualCard(await newUser(f));
  if (card.status !== 200) throw new Error(`could not issue a card: ${card.status} ${card.text}`);
  return (card.body as { data: { cardId: number } }).data.cardId;
}

/** A funds operation as the assign-funds page shows it; the reference is ours (the merchant's), not Migo's. */
function fundsBody(f: DriveFixtures, overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    amount: f.migoConfig.charge.amount,
    operation: 'ADD_FUNDS',
    channel: 'WEB',
    reference: `contract-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    ...overrides,
  };
}

/** The access-token lifetime the TOKEN_EXPIRED case sets on the simulator before it logs in. */
const TOKEN_EXPIRED_TTL_SEC = 60;

/** An amount with five decimals: the fund model keeps at most four (wallet overview). */
function fiveDecimals(amount: number): number {
  return Number(`${amount.toFixed(4)}1`);
}

// ---------------------------------------------------------------------------------------------------------------

export const CATALOG_CASES: { readonly [C in ErrorCode]: CatalogCase } = {
  '7000': {
    outcome: 'rejects a funds operation that is not ADD_FUNDS or WITHDRAW_FUNDS',
    needs: ['walletGateway'],
    drive: async (f) => f.api.wallet.funds(await newCard(f), fundsBody(f, { operation: 'MOVE_FUNDS' })),
  },
  '7001': {
    outcome: 'rejects an amount of 0',
    needs: ['walletGateway'],
    drive: async (f) => f.api.wallet.funds(await newCard(f), fundsBody(f, { amount: 0 })),
  },
  '7002': {
    outcome: 'rejects an amount with five decimals',
    needs: ['walletGateway'],
    drive: async (f) =>
      f.api.wallet.funds(
        await newCard(f),
        fundsBody(f, { amount: fiveDecimals(f.migoConfig.charge.amount) }),
      ),
  },
  '7003': { notDrivable: INTERNAL('CONSULT_WITH_SUPPORT (500)') },
  '7004': { notDrivable: INTERNAL('SERVICES_NOT_FOUND: a required service of the tenant is missing') },
  '7005': { notDrivable: NOT_EXERCISED('PROCESSOR_NOT_FOUND (card processors of the Wallet Gateway)') },
  '7006': {
    notDrivable: NOT_EXERCISED('EXTERNAL_ID_ALREADY_EXISTS (Wallet Gateway operations with an externalId)'),
  },
  '7007': { notDrivable: INTERNAL('ERROR_GETTING_ACTIONS (500)') },
  '7008': { notDrivable: NOT_EXERCISED('ERROR_DATE_RTU (Real-Time Update dates)') },
  '7009': { notDrivable: NOT_EXERCISED('ERROR_CAN_INVOICE_PARAM (invoice parameters)') },
  '7010': {
    outcome: 'answers a route the Wallet Gateway does not have',
    needs: ['walletGateway'],
    drive: async (f) => {
      // An unknown route is no operation, so it goes out directly; logging in first keeps an auth guard from
      // answering 401 before the router can say 404.
      await f.api.wallet.login();
      const token = f.api.wallet.currentTokens?.accessToken;
      const base = f.migoTarget.urls.walletGateway.replace(/\/+$/, '');
      const response = await f.request.get(`${base}/no-such-route-${Date.now().toString(36)}`, {
        headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        failOnStatusCode: false,
        maxRedirects: 0,
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: the envelope assertion says so
      }
      return { status: response.status(), body };
    },
  },
  '7011': { notDrivable: NOT_EXERCISED('ERROR_CREATE_TERMINAL_PROCESSOR (terminal administration)') },
  '7012': { notDrivable: NOT_EXERCISED('ERROR_UPDATE_TERMINAL_PROCESSOR (terminal administration)') },
  '7013': { notDrivable: NOT_EXERCISED('TERMINAL_PROCESSOR_NOT_FOUND (terminal payments)') },
  '7014': { notDrivable: NOT_EXERCISED('TERMINAL_PROCESSOR_EMPTY (terminal payments)') },
  '7100': {
    outcome: 'refuses to issue a card to a user that does not exist',
    needs: ['walletGateway'],
    drive: async (f) => {
      // A user id Migo never issued: a real one with its characters reversed.
      const unknown = [...(await newUser(f))].reverse().join('');
      return f.api.wallet.createVirtualCard(unknown);
    },
  },
  '7200': {
    outcome: 'refuses funds for a card that does not exist',
    needs: ['walletGateway'],
    drive: async (f) => {
      // Card ids are numeric and issued in order: far above a fresh one is a card nobody has.
      const unknown = (await newCard(f)) * 1000 + 999_999;
      return f.api.wallet.funds(unknown, fundsBody(f, {}));
    },
  },
  '7205': { notDrivable: NOT_EXERCISED('INCORRECT_PIN (PIN management)') },
  '7210': { notDrivable: INTERNAL('CARD_NOT_UPDATED') },
  '7213': { notDrivable: NOT_EXERCISED('INVALID_STATUS_CARD (card block/unblock and activation)') },
  '7220': { notDrivable: NOT_EXERCISED('THIRD_PARTY_CARD_NOT_FOUND (third-party cards)') },
  '7221': { notDrivable: INTERNAL('ERROR_CREATING_THIRD_PARTY_CARD') },
  '7300': { notDrivable: INTERNAL('ERROR_CREATING_TRANSFER') },
  '7301': { notDrivable: INTERNAL('ERROR_UPDATING_TRANSFER') },
  '7303': {
    outcome: 'refuses to withdraw more than the card balance',
    needs: ['walletGateway'],
    drive: async (f) => f.api.wallet.funds(await newCard(f), fundsBody(f, { operation: 'WITHDRAW_FUNDS' })),
  },
  TOKEN_EXPIRED: {
    outcome: 'answers a request with an expired access token',
    needs: ['walletGateway'],
    simulator: true,
    drive: async (f) => {
      // A short lifetime set here, not the simulator's default, decides when the token expires (the FAQ's
      // 30 minutes is for the merchant/client gateway; Wallet lifetimes are configurable per partner).
      await f.sim!.setTokenLifetimes({ accessTtlSec: TOKEN_EXPIRED_TTL_SEC });
      const session = f.api.newWalletSession();
      await session.login();
      const accessToken = session.currentTokens!.accessToken;
      const user = await newUser(f);
      await f.sim!.advanceClock(TOKEN_EXPIRED_TTL_SEC + 1);
      // The explicit token is sent as is: the client must not refresh it away before the 401 is seen.
      return session.authorized('issueVirtualCard', { params: { userId: user }, accessToken });
    },
  },
  '5000': {
    outcome: 'answers a dismiss without a transactionId',
    needs: ['middleware'],
    drive: (f) => f.api.alternative.dismiss(''),
  },
  '2000': {
    outcome: 'answers a dismiss of a transaction that does not exist',
    needs: ['middleware'],
    drive: async (f) => {
      const { uid } = await createTransaction(f.api, f.cardholder.userId, f.migoConfig.charge.amount);
      return f.api.alternative.dismiss(unknownTransactionUid(uid));
    },
  },
  '4021': {
    outcome: 'refuses to dismiss an IN_PROGRESS transaction whose processor has no cancel hook',
    needs: ['middleware'],
    localOnly: LOCAL_MODEL_ONLY,
    drive: async (f) => {
      const { uid } = await createTransaction(f.api, f.cardholder.userId, f.migoConfig.charge.amount);
      expect200(await f.api.alternative.pay(uid, MODELLED_NO_CANCEL_PROCESSOR), 'start the payment');
      return f.api.alternative.dismiss(uid);
    },
  },
  '4020': {
    outcome: 'refuses to dismiss an APPROVED transaction',
    needs: ['middleware'],
    simulator: true,
    drive: async (f) => {
      const txn = await createTransaction(f.api, f.cardholder.userId, f.migoConfig.charge.amount);
      const processor = noDataProcessor(txn);
      if (!processor) throw new Error(`no processor without data among ${txn.paymentMethods.join(', ')}`);
      expect200(await f.api.alternative.pay(txn.uid, processor), 'start the payment');
      await f.sim!.completeAlternative(txn.uid, 'APPROVED');
      return f.api.alternative.dismiss(txn.uid);
    },
  },
  IDEMPOTENCY_CONFLICT: {
    notDrivable: NOT_EXERCISED('IDEMPOTENCY_CONFLICT (subscription bulk-charge intake)'),
  },
  PLAN_RULE_VIOLATION: {
    notDrivable: NOT_EXERCISED('PLAN_RULE_VIOLATION (subscription bulk-charge intake)'),
  },
  UNPROCESSABLE: { notDrivable: NOT_EXERCISED('UNPROCESSABLE (subscription bulk-charge intake)') },
};
