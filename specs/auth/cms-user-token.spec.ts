/**
 * CMS partner routes need the app token in `Authorization: Bearer …` AND the CMS user token in `x-user-token`,
 * which "must include the Bearer prefix — the guard rejects a raw token"; a partner the user is not assigned to
 * is 403 FORBIDDEN (https://api-docs.migopayments.com/en/cms-api/overview).
 */
import { test, expect, goLive, prodSafe } from '../../fixtures';

/** A partner id nobody is assigned to: the guard checks the assignment, so an unknown partner is one too. */
function unassignedPartner(partnerId: string): string {
  const candidate = /^\d+$/.test(partnerId) ? '2147483647' : `${partnerId}-unassigned`;
  return candidate === partnerId ? '2147483646' : candidate;
}

test.describe('GET /app/partners/{partnerId}/cardholders', () => {
  test.beforeEach(({ requires }) => requires('cms'));

  test(
    'lists cardholders with the app token and x-user-token: Bearer <user token> (200)',
    prodSafe(goLive('GL-HDR-03')),
    async ({ api }) => {
      const list = await api.cms.cardholders({ userToken: 'bearer' });
      expect(list.status, 'both tokens in their documented form must be accepted').toBe(200);
    },
  );

  test(
    'rejects a raw user token in x-user-token (no Bearer prefix) with 401',
    prodSafe(goLive('GL-HDR-03')),
    async ({ api }) => {
      const refused = await api.cms.cardholders({ userToken: 'raw' });
      expect(refused.status, 'the guard must reject a raw x-user-token').toBe(401);
    },
  );

  test(
    'rejects a call with the app token but without x-user-token with 401',
    prodSafe(goLive('GL-HDR-03')),
    async ({ api }) => {
      const refused = await api.cms.cardholders({ userToken: 'none' });
      expect(refused.status, 'partner routes need the CMS user token too').toBe(401);
    },
  );

  test(
    'refuses a partner the user is not assigned to with 403',
    prodSafe(goLive('GL-HDR-03')),
    async ({ api }) => {
      const partnerId = unassignedPartner(api.cms.credentials.partnerId);
      const refused = await api.cms.cardholders({ partnerId });
      expect(refused.status, `partner ${partnerId} is not the user's: FORBIDDEN`).toBe(403);
    },
  );
});
