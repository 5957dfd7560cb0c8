/**
 * Looks for the card the payer typed (its PAN and CVV) wherever the merchant or the browser can see it after
 * the payment: the return URL, every page and API answer the checkout served, every Merchant Generic Callback.
 * PANs are stored tokenized and never echoed; the CVV is never stored or sent on (security page). Findings name
 * the place and the card's last 4 digits only, never the number itself.
 */
import type { Page, Request, Response } from '@playwright/test';
import { expect } from '../../fixtures';

export interface CardSecrets {
  pan: string;
  cvc: string;
}

/** One response the browser received during the checkout. */
export interface SeenResponse {
  url: string;
  status: number;
  location?: string;
  body: string;
  /** Why the body could not be read, when it could not: such an answer cannot be checked for card data. */
  unreadable?: string;
}

const CVV_NAMES = /^(?:card[-_]?)?(?:cvv2?|cvc2?|cvn|security[-_]?code)$/i;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const last4 = (card: CardSecrets) => `ending ${card.pan.slice(-4)}`;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The PAN anywhere in `text`, also when written in groups (`4000 0000 …`, `4000-0000-…`). */
function hasPan(text: string, card: CardSecrets): boolean {
  const pan = card.pan.replace(/\D/g, '');
  return text.replace(/(?<=\d)[\s-](?=\d)/g, '').includes(pan);
}

/** `text` with the PAN (grouped or not) masked to its last 4: a finding names the place, never the number. */
function withoutPan(text: string, card: CardSecrets): string {
  const digits = [...card.pan.replace(/\D/g, '')];
  if (digits.length === 0) return text;
  return text.replace(new RegExp(digits.join('[\\s-]?'), 'g'), `••••${card.pan.slice(-4)}`);
}

/**
 * The CVV standing as a value: after `=`, `:`, `>` or a quote, before a delimiter. A bare 3-digit run inside
 * other text (an amount, an id) is not a CVV, so it is not matched.
 */
function hasCvvValue(text: string, card: CardSecrets): boolean {
  const cvc = escapeRegExp(card.cvc);
  return new RegExp(`[=:>"']\\s*${cvc}(?=\\s*(?:["'<&,;}\\]]|$))`, 'm').test(text);
}

/** Card data in a URL: the PAN anywhere (decoded), the CVV as a query value or under a CVV-like name. */
export function cardDataInUrl(url: string, card: CardSecrets, where: string): string[] {
  const problems: string[] = [];
  if (hasPan(decoded(url), card)) problems.push(`${where} holds the PAN ${last4(card)}`);
  let params: [string, string][] = [];
  try {
    params = [...new URL(url).searchParams];
  } catch {
    // A relative or broken URL has no query to read; the PAN check above still ran on the text.
  }
  for (const [name, value] of params) {
    if (value.trim() === card.cvc) problems.push(`${where} holds the CVV as query parameter "${name}"`);
    else if (CVV_NAMES.test(name)) problems.push(`${where} has a CVV parameter "${name}"`);
  }
  return problems;
}

/** Card data in a page or API answer: the PAN anywhere, the CVV as a value. */
export function cardDataInText(text: string, card: CardSecrets, where: string): string[] {
  const problems: string[] = [];
  if (hasPan(text, card)) problems.push(`${where} holds the PAN ${last4(card)}`);
  if (hasCvvValue(text, card)) problems.push(`${where} holds the CVV as a value`);
  return problems;
}

/** Card data in a JSON body: the PAN in its text, the CVV as a string value, and any CVV-like field name. */
export function cardDataInJson(value: unknown, card: CardSecrets, where: string): string[] {
  const problems: string[] = [];
  if (hasPan(JSON.stringify(value) ?? '', card)) problems.push(`${where} holds the PAN ${last4(card)}`);
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}/${i}`));
    else if (node && typeof node === 'object')
      for (const [key, child] of Object.entries(node)) {
        if (CVV_NAMES.test(key)) problems.push(`${where} has a CVV field ${path}/${key}`);
        walk(child, `${path}/${key}`);
      }
    // Numbers are left out: an amount or a count may equal a 3-digit CVV; a CVV travels as a string.
    else if (typeof node === 'string' && node.trim() === card.cvc)
      problems.push(`${where} holds the CVV at ${path || '/'}`);
  };
  walk(value, '');
  return [...new Set(problems)];
}

/** The answers whose body could not be read, each named (PAN masked) with the reason. */
export function unreadableAnswers(responses: readonly SeenResponse[], card: CardSecrets): string[] {
  return responses
    .filter((r) => r.unreadable !== undefined)
    .map(
      (r) =>
        `the checkout's ${r.status} answer for ${withoutPan(decoded(new URL(r.url).pathname), card)} could not be read: ${withoutPan(r.unreadable!, card)}`,
    );
}

/** Card data in what the browser received: each URL, redirect target and body (read as JSON when it is). */
export function cardDataInResponses(responses: readonly SeenResponse[], card: CardSecrets): string[] {
  return responses.flatMap((r) => {
    // The path itself may be where the PAN leaked (`/cards/4111…/verify`).
    const where = `the checkout's ${r.status} answer for ${withoutPan(decoded(new URL(r.url).pathname), card)}`;
    const json = parseJson(r.body);
    return [
      ...cardDataInUrl(r.url, card, `${where} (its URL)`),
      ...(r.location
        ? cardDataInUrl(new URL(r.location, r.url).href, card, `${where} (its redirect Location)`)
        : []),
      ...(json.parsed ? cardDataInJson(json.value, card, where) : cardDataInText(r.body, card, where)),
    ];
  });
}

function parseJson(text: string): { parsed: true; value: unknown } | { parsed: false } {
  if (!/^\s*[[{]/.test(text)) return { parsed: false };
  try {
    return { parsed: true, value: JSON.parse(text) };
  } catch {
    return { parsed: false };
  }
}

/**
 * Records every page, redirect and XHR/fetch answer the browser gets from the submit of the card on (the first
 * non-GET request), frames included: issuers often put the 3-D Secure challenge in one. What came before the
 * submit is left out: a sandbox checkout may print its test cards, and it cannot echo what was not yet typed.
 * `responses()` stops recording and returns them, bodies read.
 */
export function recordCheckoutTraffic(page: Page): { responses(): Promise<SeenResponse[]> } {
  const all: { afterSubmit: boolean; seen: Promise<SeenResponse> }[] = [];
  const afterSubmit = new WeakSet<Request>();
  let submitted = false;
  const onRequest = (request: Request) => {
    if (!RECORDED_TYPES.has(request.resourceType())) return;
    if (request.method() !== 'GET') submitted = true;
    if (submitted) afterSubmit.add(request);
  };
  const onResponse = (response: Response) => {
    const request = response.request();
    if (!RECORDED_TYPES.has(request.resourceType())) return;
    all.push({ afterSubmit: afterSubmit.has(request), seen: read(response) });
  };
  page.on('request', onRequest);
  page.on('response', onResponse);
  return {
    responses() {
      page.off('request', onRequest);
      page.off('response', onResponse);
      // A checkout that submits without a non-GET request (none known) is checked from its second answer on.
      const chosen = submitted ? all.filter((r) => r.afterSubmit) : all.slice(1);
      return Promise.all(chosen.map((r) => r.seen));
    },
  };
}

const RECORDED_TYPES = new Set(['document', 'xhr', 'fetch']);

async function read(response: Response): Promise<SeenResponse> {
  const status = response.status();
  const location = await response.headerValue('location').catch(() => null);
  const seen = { url: response.url(), status, ...(location ? { location } : {}) };
  // A redirect has no body to hold card data. Any other body is read at once (the recorder calls this from the
  // response event); one that cannot be read is evidence missing, never an empty page that passes.
  if (status >= 300 && status < 400) return { ...seen, body: '' };
  try {
    return { ...seen, body: await response.text() };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
    return { ...seen, body: '', unreadable: reason };
  }
}

/** What one checkout exposed: where the browser was sent back, what it received, what the merchant was sent. */
export interface CheckoutExposure {
  returnUrl: URL;
  responses: readonly SeenResponse[];
  callbacks: readonly { seq: number; body: unknown }[];
}

/** Fails, naming each place, when the card's PAN or CVV reached anything the checkout exposed. */
export function expectNoCardData(card: CardSecrets, seen: CheckoutExposure): void {
  expect(seen.responses.length, 'the checkout traffic after the submit was recorded').toBeGreaterThan(0);
  expect(
    unreadableAnswers(seen.responses, card),
    'every checkout answer after the submit could be read: an unreadable one cannot be checked for card data',
  ).toEqual([]);
  expect(seen.callbacks.length, 'a callback was received to check').toBeGreaterThan(0);
  const problems = [
    ...cardDataInUrl(seen.returnUrl.href, card, 'the return URL'),
    ...cardDataInResponses(seen.responses, card),
    ...seen.callbacks.flatMap((d) => cardDataInJson(d.body, card, `Merchant Generic Callback #${d.seq}`)),
  ];
  expect(problems, 'no PAN or CVV in the return URL, the checkout after submit, or any callback').toEqual([]);
}
