/**
 * Alternative Payments take the same merchant token as `Authorization: Bearer <token>`, the documented convention;
 * whether the raw token is accepted too (the authentication page: the authorizer strips an optional prefix) or
 * refused (the sandbox cheat sheet: "Bearer required") is the reading alternative-bearer. A dismiss of a transaction
 * that does not exist shows which forms authenticate without touching any transaction: an accepted token reaches
 * the lookup (404, ownCode 2000), a refused one stops at the authorizer (401).
 */
import { randomBytes } from 'node:crypto';
import { test, expect, goLive, prodSafe } from '../../fixtures';
import { TOKEN_FORMS, expectAcceptedForms, type TokenForm } from '../auth/token-forms';
import { ownCodeOf } from './alternative-flow';

test.describe('POST /api/v1/integrations/transactions/{transactionId}/dismiss', () => {
  test.beforeEach(({ requires }) => requires('middleware'));

  test(
    'authenticates the merchant token in each form the reading alternative-bearer accepts, and only those',
    prodSafe(goLive('GL-AUTH-03')),
    async ({ api, migoConfig }) => {
      // Shaped like a uid (trx_ + 12 hex) but never issued: nothing exists to dismiss.
      const uid = `trx_${randomBytes(6).toString('hex')}`;
      const answered = {} as Record<TokenForm, number>;
      for (const form of Object.keys(TOKEN_FORMS) as TokenForm[]) {
        const x = await api.alternative.dismiss(uid, undefined, { auth: form });
        answered[form] = x.status;
        if (x.status !== 401)
          expect({ status: x.status, ownCode: ownCodeOf(x) }, `an authenticated dismiss of ${uid}`).toEqual({
            status: 404,
            ownCode: 2000,
          });
      }
      expectAcceptedForms(
        migoConfig.readings,
        'alternative-bearer',
        { raw: answered.raw !== 401, bearer: answered.bearer !== 401 },
        answered,
      );
    },
  );
});
