/**
 * The frames layout's HTML, modelled on real hosted fields: the checkout page holds no card input, only one iframe
 * per card field from the hosted fields' origin. On "Pay" the page asks each frame (postMessage) to tokenize its
 * value; the frame posts it to its own origin's `POST /tokens` and hands the page back a single-use token; the page
 * submits the three tokens with the order to `/pay`. The page never sees a card number or a CVC, and neither does
 * any page, redirect or log: tokens are redeemed once, server side. Each page's one inline script runs under a
 * nonce, and every message names its origin on both sides.
 */
import { checkoutHeader, escapeHtml, money, page, type CheckoutView } from './pages';
import { CARD_FIELDS, type CardField } from './store';

/** What each field frame shows: the same ids as the single-page form, so one selector finds either layout. */
const FIELDS: Record<CardField, { title: string; input: string }> = {
  number: {
    title: 'Card number',
    input: 'id="card-number" name="cardNumber" inputmode="numeric" autocomplete="cc-number"',
  },
  expiry: {
    title: 'Expiry (MM/YY)',
    input: 'id="card-expiry" name="expiry" placeholder="MM/YY" autocomplete="cc-exp"',
  },
  cvc: { title: 'CVC', input: 'id="card-cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc"' },
};

const INPUT_ID: Record<CardField, string> = {
  number: 'card-number',
  expiry: 'card-expiry',
  cvc: 'card-cvc',
};

/** A value for an inline script: JSON, with `<` escaped so no value can close the script element. */
function scriptValue(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function script(nonce: string, code: string): string {
  return `<script nonce="${escapeHtml(nonce)}">${code}</script>`;
}

const FRAME_STYLE = 'iframe{display:block;width:100%;border:0;height:5.4rem}';

/** The checkout page of the frames layout: three field frames, the holder name, and the tokenizing script. */
export function framesCheckoutPage(view: CheckoutView, fields: { origin: string; nonce: string }): string {
  const frames = CARD_FIELDS.map(
    (field) =>
      `<iframe name="${field}" title="${FIELDS[field].title}" src="${escapeHtml(`${fields.origin}/fields/${field}?orderId=${encodeURIComponent(view.uid)}`)}"></iframe>`,
  ).join('');
  const tokens = CARD_FIELDS.map((field) => `<input type="hidden" name="${field}Token">`).join('');
  return page(
    `Pay ${view.merchant}`,
    checkoutHeader(view) +
      `<form id="checkout" method="post" action="/pay" novalidate>` +
      `<input type="hidden" name="orderId" value="${escapeHtml(view.uid)}">${tokens}${frames}` +
      `<label for="card-holder">Name on card</label><input id="card-holder" name="holder" autocomplete="cc-name" value="${escapeHtml(view.holder ?? '')}">` +
      `<button id="pay" type="submit">Pay ${money(view.amount, view.currency)}</button>` +
      `</form>` +
      script(fields.nonce, checkoutScript(fields.origin)),
    FRAME_STYLE,
  );
}

function checkoutScript(fieldsOrigin: string): string {
  return `(() => {
const fieldsOrigin = ${scriptValue(fieldsOrigin)};
const names = ${scriptValue(CARD_FIELDS)};
const form = document.getElementById('checkout');
const frameOf = (name) => document.querySelector('iframe[name="' + name + '"]');
let pending = null;
const showError = (message) => {
  let alert = document.getElementById('form-error');
  if (!alert) {
    alert = document.createElement('p');
    alert.id = 'form-error';
    alert.setAttribute('role', 'alert');
    form.before(alert);
  }
  alert.textContent = message;
};
addEventListener('message', (event) => {
  const data = event.data;
  if (!pending || event.origin !== fieldsOrigin || !data || !pending.has(data.field)) return;
  if (event.source !== frameOf(data.field).contentWindow) return;
  if (data.type === 'migo-fields:error') { pending = null; showError(String(data.message)); return; }
  if (data.type !== 'migo-fields:token') return;
  form.elements.namedItem(data.field + 'Token').value = String(data.token);
  pending.delete(data.field);
  if (pending.size === 0) { pending = null; form.submit(); }
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (pending) return;
  pending = new Set(names);
  for (const name of names) frameOf(name).contentWindow.postMessage({ type: 'migo-fields:tokenize' }, fieldsOrigin);
});
})();`;
}

/** One hosted field (served by the fields' origin): its input, and the script that tokenizes it on request. */
export function fieldPage(
  field: CardField,
  frame: { uid: string; checkoutOrigin: string; nonce: string },
): string {
  const { title, input } = FIELDS[field];
  return page(
    title,
    `<label for="${INPUT_ID[field]}">${title}</label><input ${input}>` +
      script(frame.nonce, fieldScript(field, frame.uid, frame.checkoutOrigin)),
    'body{background:#fff}main{margin:0;padding:0 2px;max-width:none}label{margin-top:0}',
  );
}

function fieldScript(field: CardField, uid: string, checkoutOrigin: string): string {
  return `(() => {
const field = ${scriptValue(field)};
const orderId = ${scriptValue(uid)};
const checkoutOrigin = ${scriptValue(checkoutOrigin)};
const input = document.getElementById(${scriptValue(INPUT_ID[field])});
addEventListener('message', async (event) => {
  if (event.source !== parent || event.origin !== checkoutOrigin) return;
  if (!event.data || event.data.type !== 'migo-fields:tokenize') return;
  let answer;
  try {
    const response = await fetch('/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId, field, value: input.value }),
    });
    const body = await response.json();
    answer = response.ok
      ? { type: 'migo-fields:token', field, token: body.token }
      : { type: 'migo-fields:error', field, message: body.message };
  } catch {
    answer = { type: 'migo-fields:error', field, message: 'The card details could not be sent: try again.' };
  }
  parent.postMessage(answer, checkoutOrigin);
});
})();`;
}

/** The checkout's 3-D Secure page in the frames layout: the issuer's challenge in an iframe of its origin. */
export function challengeFramePage(src: string, merchant: string, amount: string): string {
  return page(
    'Verify your payment',
    `<h1>Verify your payment</h1><p>Your bank verifies the payment of <strong>${amount}</strong> to ${escapeHtml(merchant)}.</p>` +
      `<iframe name="challenge" title="3-D Secure verification" src="${escapeHtml(src)}"></iframe>`,
    'iframe{display:block;width:100%;border:1px solid #d0d4da;border-radius:6px;height:16rem}',
  );
}
