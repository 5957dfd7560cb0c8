/**
 * The applicationId header is "required only by the Wallet Gateway config endpoints (GET/PATCH /configs), not
 * by user login or general requests" (https://api-docs.migopayments.com/en/introduction/environments). Its name
 * is the reading application-id-header (`applicationId` on that page, `x-application-id` in many examples), and
 * which calls need it the reading application-id-placement (the card-lifecycle and funds examples send it on card
 * calls too). How /configs refuses a call without it is not documented: any 4xx Wallet Gateway error is accepted.
 */
import { test, expect, expectReading, goLive, prodSafe } from '../../fixtures';
import { validate } from '../../schemas/registry';

test.describe('GET /configs', () => {
  test.beforeEach(({ requires }) => requires('walletGateway'));

  test(
    'rejects a request without the applicationId header with a 4xx gateway error',
    prodSafe(goLive('GL-HDR-02')),
    async ({ api, migoConfig }) => {
      const refused = await api.newWalletSession().configs({
        withApplicationId: false,
        // Which 4xx is not documented; the gateway-error shape is asserted below instead.
        checks: { statusDocumented: false, schema: false },
      });
      expect(refused.status, '/configs must refuse a call without applicationId').toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
      expectReading(
        migoConfig.readings,
        'error-code-form',
        'the refusal is a Wallet Gateway error',
        (form) => {
          const errors = validate('gateway-error', refused.body, {
            ...migoConfig.readings,
            'error-code-form': form,
          }).errors;
          return errors.length === 0
            ? undefined
            : errors.map((e) => `${e.path || '/'} ${e.message}`).join('; ');
        },
      );
    },
  );

  test(
    'answers a request with the applicationId header (200)',
    prodSafe(goLive('GL-HDR-02')),
    async ({ api, requires }) => {
      requires('applicationId');
      const configs = await api.newWalletSession().configs();
      expect(configs.status, '/configs must answer with the applicationId header').toBe(200);
    },
  );
});

test.describe('POST /users/{userId}/cards/virtuals', () => {
  test.beforeEach(({ requires }) => requires('walletGateway'));

  test(
    'issues a card with the applicationId header where the reading puts it (default: only /configs needs it)',
    goLive('GL-HDR-02'),
    async ({ api, cardholder, migoConfig }) => {
      const wallet = api.newWalletSession();
      const [firstName, ...rest] = cardholder.name.split(' ');
      // Under configs-only the client sends no header here; a refusal is probed once with it (AssumptionDiffers).
      const user = await wallet.createUser({
        firstName,
        lastName: rest.join(' ') || firstName,
        username: cardholder.email,
        phoneNumber: cardholder.userId,
      });
      expect(user.status, 'POST /users answers').toBe(200);
      const { userId } = (user.body as { data: { userId: string } }).data;
      const card = await wallet.createVirtualCard(userId);
      expect(card.status, 'the card is issued').toBe(200);
      expect(Number.isInteger((card.body as { data: { cardId: unknown } }).data.cardId)).toBe(true);
      if (migoConfig.readings['application-id-placement'] === 'every-call') {
        // The reading says every call needs it: a card call without it must be refused, and only for its lack.
        const without = await wallet.authorized(
          'issueVirtualCard',
          { params: { userId }, checks: { statusDocumented: false, schema: false } },
          { placement: false },
        );
        expectReading(
          migoConfig.readings,
          'application-id-placement',
          'a card call without applicationId',
          (option) =>
            (without.status >= 400 && without.status < 500) === (option === 'every-call')
              ? undefined
              : `answered ${without.status}, which ${option} does not expect`,
        );
      }
    },
  );
});
