/**
 * Your own webhook handler (MIGO_MERCHANT_HANDLER_URL), probed directly: the go-live items about the merchant's
 * systems (idempotent handler, 2xx quickly, HTTPS with a valid certificate) are proven here and nowhere else; the
 * suite's own receiver only shows the suite's checks work (checklist/evidence.ts). The probe
 * (fixtures/merchant-probe) sends a delivery, its duplicate, an older status, a later replay, a malformed and an
 * oversized body, times each answer and, where MIGO_MERCHANT_FULFILMENT_URL is set, counts fulfilments. Without
 * the handler URL every test is skipped with the reason, and its items are NOT RUN. The deliveries never go to
 * production (a forged "approved" could fulfil a real order); the certificate check does.
 */
import { test, expect, goLive, prodSafe, merchantProbe, type MigoFixtures } from '../../fixtures';
import { createPaymentLink } from '../checkout/charge';

type ProbeFixtures = Pick<MigoFixtures, 'api' | 'cardholder' | 'migoConfig'>;

/** The whole probe sequence against the handler, its record attached to the test. */
async function probe({ api, cardholder, migoConfig }: ProbeFixtures) {
  const { callback, readings, target, timeouts } = migoConfig;
  const transaction = await merchantProbe.probeTransaction(migoConfig, () =>
    createPaymentLink(api, cardholder.userId, migoConfig.charge.amount),
  );
  const record = await merchantProbe.probeHandler({
    handlerUrl: callback.handlerUrl!,
    target,
    readings,
    budgetMs: callback.handlerBudgetMs,
    transaction,
    fulfilmentWaitMs: timeouts.callbackMs,
    ...(callback.staticHeader ? { staticHeader: callback.staticHeader } : {}),
    ...(callback.fulfilmentUrl ? { fulfilmentUrl: callback.fulfilmentUrl } : {}),
  });
  const answers = record.answers.map(
    (a) => `${a.step}: ${a.status ?? a.failure?.kind} in ${a.latencyMs.toFixed(0)} ms`,
  );
  test
    .info()
    .annotations.push({ type: 'merchant probe', description: `${record.handler}: ${answers.join('; ')}` });
  await test.info().attach('merchant probe', {
    body: JSON.stringify(record, null, 2),
    contentType: 'application/json',
  });
  return {
    record,
    problems: merchantProbe.problemsOf(record, callback.handlerBudgetMs, timeouts.callbackMs),
  };
}

function expectNone(problems: string[], handler: string, what: string) {
  expect(problems, `your handler at ${handler} ${what}: ${problems.join('; ')}`).toEqual([]);
}

test.describe('Your webhook handler (MIGO_MERCHANT_HANDLER_URL)', () => {
  test(
    'acknowledges a delivery, its duplicate and a later replay with 2xx within the budget, and an older status without an error',
    goLive('GL-WH-03', 'GL-SCN-04'),
    async ({ api, cardholder, migoConfig, requires }) => {
      requires('merchantHandler');
      const { record, problems } = await probe({ api, cardholder, migoConfig });
      expectNone(problems.acknowledgement, record.handler, 'did not acknowledge every delivery in time');
    },
  );

  test(
    'refuses a malformed and an oversized body with 4xx (or a 2xx that fulfils nothing), never a 5xx or silence',
    goLive('GL-WH-03', 'GL-ERR-02'),
    async ({ api, cardholder, migoConfig, requires }) => {
      requires('merchantHandler');
      const { record, problems } = await probe({ api, cardholder, migoConfig });
      expectNone(problems.badInput, record.handler, 'mishandled bad input');
    },
  );

  test(
    'fulfils a delivery exactly once: its duplicate, an older status, a replay and bad bodies fulfil nothing more',
    goLive('GL-ERR-02', 'GL-SCN-04'),
    async ({ api, cardholder, migoConfig, requires }) => {
      requires('merchantHandler', 'merchantFulfilment');
      const { record, problems } = await probe({ api, cardholder, migoConfig });
      expectNone(problems.fulfilment, record.handler, 'is not idempotent');
    },
  );

  test(
    'serves HTTPS with a certificate that is trusted, names its host and stays valid for the configured days',
    prodSafe(goLive('GL-WH-01', 'GL-PROD-02')),
    async ({ migoConfig, requires }) => {
      requires('merchantHandler');
      const finding = await merchantProbe.checkHandlerCertificate(
        migoConfig.callback.handlerUrl!,
        migoConfig.tls.minCertDays,
        migoConfig.timeouts.requestMs,
      );
      expectNone(finding.problems, finding.host, 'has no valid HTTPS certificate');
    },
  );
});
