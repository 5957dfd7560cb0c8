/**
 * Which merchant handler a run probed, judged from the run's record (`run.merchant.handler`, the host and port of
 * MIGO_MERCHANT_HANDLER_URL). The items about the merchant's own systems are PASS only when the probe specs reached
 * the merchant's handler on its own host in a run against documented Migo hosts. A handler on loopback is a
 * stand-in (a handler started beside the run, a developer's laptop): its probes give SIMULATED, never PASS.
 * Private addresses are not judged stand-ins: a staging handler inside a CI network is the merchant's own.
 */
import type { ProofSource } from '../../checklist/evidence';

/** Host as the run recorder writes it: `host`, `host:port`, `[v6]:port`. */
function hostname(host: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(host);
  if (bracketed) return bracketed[1]!.toLowerCase();
  return host.replace(/:\d+$/, '').toLowerCase();
}

export function isLoopbackHost(host: string): boolean {
  const name = hostname(host);
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) ||
    name === '::1' ||
    /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(name)
  );
}

export const MERCHANT_HANDLER_VARIABLE = 'MIGO_MERCHANT_HANDLER_URL';

export function isAboutMerchant(provenBy: readonly ProofSource[]): boolean {
  return provenBy.length > 0 && provenBy.every((source) => source === 'merchant');
}

/**
 * Why the handler this run recorded cannot prove a merchant item (its decisive specs passed), or undefined when
 * it can. `SIMULATED` for a loopback handler, `NOT RUN` when the run has no record of one.
 */
export function merchantHandlerGap(
  handler: string | undefined,
): { status: 'SIMULATED' | 'NOT RUN'; reason: string } | undefined {
  if (!handler)
    return {
      status: 'NOT RUN',
      reason: `this run has no record of ${MERCHANT_HANDLER_VARIABLE}: nothing shows the probe reached your handler`,
    };
  if (isLoopbackHost(handler))
    return {
      status: 'SIMULATED',
      reason: `the merchant probe passed against a handler at ${handler}, on the machine that ran the suite: a stand-in for your webhook receiver; only a probe of your handler on its own host (${MERCHANT_HANDLER_VARIABLE}) can prove it`,
    };
  return undefined;
}
