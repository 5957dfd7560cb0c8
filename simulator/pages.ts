/**
 * The hosted checkout's HTML: the shell every page shares and the single-page layout's pages, which run no scripts
 * (the frames layout's pages are in frames-pages.ts). Tiny and accessible (every input has a label). No page ever
 * contains a card number or a CVC: the form is never pre-filled after a submit.
 */
const STYLE =
  'body{font:16px/1.4 system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1b1f24}' +
  'main{max-width:26rem;margin:2rem auto;background:#fff;padding:1.5rem;border-radius:8px}' +
  'label{display:block;margin-top:.8rem;font-weight:600}input{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}' +
  'button{margin-top:1rem;padding:.6rem 1rem;font:inherit;cursor:pointer}[role=alert]{color:#a40e26}';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function page(title: string, body: string, style = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}${style}</style></head><body><main>${body}</main></body></html>`;
}

export function money(amount: number, currency: string): string {
  return `${escapeHtml(currency)} ${amount.toFixed(2)}`;
}

export interface CheckoutView {
  uid: string;
  reference: string;
  merchant: string;
  amount: number;
  currency: string;
  /** A problem with the last submit (never repeats what was typed). */
  error?: string;
  /** Only the holder name is kept after a failed submit: it is not card data. */
  holder?: string;
}

/** The heading, amount, reference and the last submit's problem: the same in both layouts. */
export function checkoutHeader(view: CheckoutView): string {
  const alert = view.error ? `<p role="alert" id="form-error">${escapeHtml(view.error)}</p>` : '';
  return (
    `<h1>Pay ${escapeHtml(view.merchant)}</h1>` +
    `<p>Amount <strong id="amount">${money(view.amount, view.currency)}</strong> · Reference <span id="reference">${escapeHtml(view.reference)}</span></p>` +
    alert
  );
}

export function checkoutPage(view: CheckoutView): string {
  return page(
    `Pay ${view.merchant}`,
    checkoutHeader(view) +
      `<form method="post" action="/pay" novalidate>` +
      `<input type="hidden" name="orderId" value="${escapeHtml(view.uid)}">` +
      `<label for="card-number">Card number</label><input id="card-number" name="cardNumber" inputmode="numeric" autocomplete="cc-number">` +
      `<label for="card-expiry">Expiry (MM/YY)</label><input id="card-expiry" name="expiry" placeholder="MM/YY" autocomplete="cc-exp">` +
      `<label for="card-cvc">CVC</label><input id="card-cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc">` +
      `<label for="card-holder">Name on card</label><input id="card-holder" name="holder" autocomplete="cc-name" value="${escapeHtml(view.holder ?? '')}">` +
      `<button id="pay" type="submit">Pay ${money(view.amount, view.currency)}</button>` +
      `</form>`,
  );
}

/**
 * The issuer's 3-D Secure challenge. In the frames layout it is served by the issuer's origin inside an iframe, and
 * its answer goes to the checkout's `/challenge` in the top window (`target: '_top'`), which then redirects there.
 */
export function challengePage(
  session: string,
  merchant: string,
  amount: string,
  form: { action: string; target?: '_top' } = { action: '/challenge' },
): string {
  const target = form.target ? ` target="${form.target}"` : '';
  return page(
    'Verify your payment',
    `<h1>Verify your payment</h1>` +
      `<p>Your bank asks you to confirm the payment of <strong>${amount}</strong> to ${escapeHtml(merchant)}. (Simulated 3-D Secure issuer challenge.)</p>` +
      `<form method="post" action="${escapeHtml(form.action)}"${target}>` +
      `<input type="hidden" name="session" value="${escapeHtml(session)}">` +
      `<button id="challenge-approve" type="submit" name="action" value="approve">Approve</button> ` +
      `<button id="challenge-fail" type="submit" name="action" value="fail">Fail authentication</button>` +
      `</form>`,
  );
}

export function resultPage(status: string, uid: string, reference: string): string {
  const title =
    status === 'approved'
      ? 'Payment approved'
      : status === 'denied'
        ? 'Payment declined'
        : `Payment ${status}`;
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1><dl><dt>Transaction</dt><dd id="uid">${escapeHtml(uid)}</dd>` +
      `<dt>Reference</dt><dd id="reference">${escapeHtml(reference)}</dd><dt>Status</dt><dd id="status">${escapeHtml(status)}</dd></dl>`,
  );
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p>`);
}
