import { generateKeyPairSync } from 'node:crypto';
import { test, expect } from '@playwright/test';
import {
  findLeaks,
  looksLikePan,
  luhnValid,
  maskPan,
  redact,
  redactHeaders,
  redactValue,
  registerSecret,
  registerSecretsFromEnv,
  resetRegisteredSecrets,
} from '../../reporters/redaction';

const VISA = '4000000000001000'; // the simulator's approved card
const JWT =
  'eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJtaWdvTG9jYWxTaW0iLCJleHAiOjE3MzU2ODk2MDB9.c2lnbmF0dXJlLWJ5dGVz';
const MERCHANT_TOKEN = 'b6a615d8e0c94b7fa1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e20ba6';

test.describe('card numbers', () => {
  test('masks Luhn-valid numbers to the last four, contiguous or separated', () => {
    expect(redact(`pan ${VISA}.`)).toBe('pan ••••••••••••1000.');
    expect(redact('4000 0000 0000 1000')).toBe('•••• •••• •••• 1000');
    expect(redact('4000-0000-0000-1000')).toBe('••••-••••-••••-1000');
    expect(redact('amex 3782 822463 10005')).toBe('amex •••• •••••• •0005');
    expect(redact('mc2 2223000048400011')).toBe('mc2 ••••••••••••0011');
    expect(redact('{"n":"5555550000001000"}')).toBe('{"n":"••••••••••••1000"}');
  });

  test('leaves non-Luhn digit runs alone', () => {
    expect(luhnValid('4000000000001001')).toBe(false);
    expect(redact('order 4000000000001001')).toBe('order 4000000000001001');
  });

  test('leaves timestamps, error codes, amounts, ids and phone numbers alone', () => {
    // A millisecond timestamp that happens to pass Luhn: the issuer-prefix rule keeps it readable.
    let ms = 1735689600000;
    while (!luhnValid(String(ms))) ms += 1;
    const text =
      `at ${ms} / 1735689600 / 2025-11-22T00:24:31.123Z code 7001 and 7303, {"errors":[{"code":"7000"}]} ` +
      'amount 125.50 userId +50212345678 uid trx_8f3c2b1d9e7a ref CLIENT020007SB cardId 12345 ' +
      'key 0f8fad5b-d9cb-469f-a165-70867728950e commit 0123456789abcdef0123456789abcdef01234567 ' +
      `ns ${ms}123456 last4 1000`;
    expect(redact(text)).toBe(text);
    expect(findLeaks(text)).toEqual([]);
  });

  test('looksLikePan needs 13–19 digits, Luhn and a card issuer prefix', () => {
    expect(looksLikePan(VISA)).toBe(true);
    expect(looksLikePan('4000 0000 0000 1000')).toBe(true);
    expect(looksLikePan('400000000000')).toBe(false); // 12 digits
    expect(looksLikePan('0000000000000000')).toBe(false); // prefix 0
    expect(maskPan('1000')).toBe('1000');
  });

  test('masks card-number keys even when the digits are not Luhn-valid', () => {
    expect(redact('{"cardNumber":"4000000000001001"}')).toBe('{"cardNumber":"••••••••••••1001"}');
    expect(redact('card-number=4000000000001001&x=1')).toBe('card-number=••••••••••••1001&x=1');
  });

  test('masks the suite card format PAN|MM/YY|CVV, including the CVV', () => {
    expect(redact(`card ${VISA}|12/30|123`)).toBe('card ••••••••••••1000|12/30|[REDACTED:cvv]');
  });
});

test.describe('keys', () => {
  test('redacts CVV/CVC by key in JSON, escaped JSON, JS-inspect and form bodies', () => {
    expect(
      redact('{"cvv":"123","cvc":456,"cvv2":"789","securityCode":"321","card-cvc":"654","cardCvc":"111"}'),
    ).toBe(
      '{"cvv":"[REDACTED:cvv]","cvc":"[REDACTED:cvv]","cvv2":"[REDACTED:cvv]","securityCode":"[REDACTED:cvv]",' +
        '"card-cvc":"[REDACTED:cvv]","cardCvc":"[REDACTED:cvv]"}',
    );
    expect(redact('{\\"cvv\\":\\"123\\"}')).toBe('{\\"cvv\\":\\"[REDACTED:cvv]\\"}');
    expect(redact("{ cvc: '123' }")).toBe("{ cvc: '[REDACTED:cvv]' }");
    expect(redact('card-number=4000000000001000&card-expiry=12%2F30&card-cvc=123&card-holder=Ana')).toBe(
      'card-number=••••••••••••1000&card-expiry=12%2F30&card-cvc=[REDACTED:cvv]&card-holder=Ana',
    );
    expect(redact('card%5Bcvc%5D=123')).toBe('card%5Bcvc%5D=[REDACTED:cvv]');
  });

  test('keeps JSON valid when a secret value is a bare number', () => {
    const out = redact('{"cvv":123,"pin":5678,"pan":4000000000001000,"amount":10}');
    expect(JSON.parse(out)).toEqual({
      cvv: '[REDACTED:cvv]',
      pin: '[REDACTED:pin]',
      pan: '••••••••••••1000',
      amount: 10,
    });
  });

  test('redacts passwords, tokens, private keys and signatures by key, not look-alikes', () => {
    const body = JSON.stringify({
      merchant: 'migoLocalSim',
      signature: 'c2lnbmF0dXJl',
      password: 'hunter2',
      cmsPassword: 'hunter3',
      accessToken: 'at-1',
      refreshToken: 'rt-1',
      expirationToken: 1735689600,
      expirationRefreshToken: 1736294400,
      privateKey: '0f8fad5b-d9cb-469f-a165-70867728950e',
      publicKey: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      spin: 'left',
      tokenType: 'Bearer',
    });
    expect(JSON.parse(redact(body))).toEqual({
      merchant: 'migoLocalSim',
      signature: '[REDACTED:signature]',
      password: '[REDACTED:password]',
      cmsPassword: '[REDACTED:password]',
      accessToken: '[REDACTED:token]',
      refreshToken: '[REDACTED:token]',
      expirationToken: 1735689600,
      expirationRefreshToken: 1736294400,
      privateKey: '[REDACTED:private-key]',
      publicKey: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      spin: 'left',
      tokenType: 'Bearer',
    });
  });

  test('a non-secret word must be a whole word of the key: securityToken and countryToken are secrets', () => {
    expect(redact('{"securityToken":"IQoJb3JpZ2luX2VjEJr","countryToken":"ctk-9f8e7d6c"}')).toBe(
      '{"securityToken":"[REDACTED:token]","countryToken":"[REDACTED:token]"}',
    );
    expect(redact('x-amz-security-token: IQoJb3JpZ2luX2VjEJr/wEaCXVz')).toBe(
      'x-amz-security-token: [REDACTED:token]',
    );
    expect(redactHeaders({ 'x-amz-security-token': 'IQoJb3JpZ2luX2VjEJr' })).toEqual({
      'x-amz-security-token': '[REDACTED:token]',
    });
    expect(
      redactValue({ EXPIRATION_TOKEN: 1735689600, tokenUrl: 'https://x.test/t', urlToken: 'u' }),
    ).toEqual({
      EXPIRATION_TOKEN: 1735689600,
      tokenUrl: 'https://x.test/t',
      urlToken: 'u',
    });
  });

  test('redacts the privateKey of a /transactions-hook body but keeps the rest readable', () => {
    const hook = {
      privateKey: '0f8fad5b-d9cb-469f-a165-70867728950e',
      publicKey: 'pk',
      amount: 125.5,
      client: 'c',
    };
    expect(redactValue(hook)).toEqual({ ...hook, privateKey: '[REDACTED:private-key]' });
  });

  test('leaves null, booleans and markers under secret keys as they are', () => {
    const text = '{"password":null,"cvv":"","hasPin":true,"token":"[REDACTED:token]"}';
    expect(redact(text)).toBe(text);
  });

  test('does not treat prose as a key: value pair', () => {
    const text =
      'The x-user-token value must include the Bearer prefix. Missing token: please log in. ' +
      'const cvc = form.elements.cvc;';
    expect(redact(text)).toBe(text);
    expect(redact('cvc=123 cvc = 123')).toBe('cvc=[REDACTED:cvv] cvc = [REDACTED:cvv]');
  });

  test('redacts query-string secrets and URL credentials', () => {
    expect(redact('GET /cb?access_token=abc123&uid=1')).toBe('GET /cb?access_token=[REDACTED:token]&uid=1');
    expect(redact('https://ana:pa55word@example.com/x')).toBe(
      'https://ana:[REDACTED:credentials]@example.com/x',
    );
  });
});

test.describe('patterns', () => {
  test('redacts JWTs anywhere', () => {
    expect(redact(`issued ${JWT} for 30 min`)).toBe('issued [REDACTED:jwt] for 30 min');
    expect(redact(`{"note":"${JWT}"}`)).toBe('{"note":"[REDACTED:jwt]"}');
  });

  test('redacts PEM private keys, raw and JSON-escaped, and bare Ed25519 DER', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(redact(`key:\n${pem}done`)).toBe('key:\n[REDACTED:private-key]\ndone');
    expect(JSON.parse(redact(JSON.stringify({ k: pem })))).toEqual({ k: '[REDACTED:private-key]\n' });
    expect(redact(`der ${der}`)).toBe('der [REDACTED:private-key]');
    // A key cut off before its END line still loses its body.
    expect(redact(pem.slice(0, 60))).toBe('[REDACTED:private-key]');
  });

  test('redacts bearer tokens and 64-hex merchant tokens', () => {
    expect(redact('sent Bearer abcdefghijklmnop0123456789 ok')).toBe('sent Bearer [REDACTED:token] ok');
    expect(redact(`token ${MERCHANT_TOKEN}.`)).toBe('token [REDACTED:merchant-token].');
  });

  test('redacts header lines, JS-inspected headers and raw cookies', () => {
    expect(redact(`Authorization: ${MERCHANT_TOKEN}`)).toBe('Authorization: [REDACTED:authorization]');
    expect(redact('authorization: Bearer short')).toBe('authorization: Bearer [REDACTED:authorization]');
    expect(redact("{ 'x-user-token': 'Bearer abc', 'x-api-key': 'k-123456' }")).toBe(
      "{ 'x-user-token': 'Bearer [REDACTED:token]', 'x-api-key': '[REDACTED:api-key]' }",
    );
    expect(redact('Cookie: session=abc; theme=dark\nAccept: */*')).toBe(
      'Cookie: [REDACTED:cookie]\nAccept: */*',
    );
  });

  test('is idempotent', () => {
    const text = `{"cvv":"123","pan":"${VISA}"} Authorization: Bearer ${JWT} ${MERCHANT_TOKEN} ${VISA}`;
    const once = redact(text);
    expect(redact(once)).toBe(once);
    expect(findLeaks(once)).toEqual([]);
  });
});

test.describe('redactHeaders', () => {
  test('keeps the scheme of credential headers and redacts the rest by pattern', () => {
    expect(
      redactHeaders({
        Authorization: `Bearer ${JWT}`,
        'x-user-token': 'Bearer cms-user-token',
        'x-api-key': 'static-key-1',
        cookie: 'a=b',
        'set-cookie': ['s=1', 't=2'],
        'content-type': 'application/json',
        'x-note': `card ${VISA}`,
        'content-length': 42,
        absent: undefined,
      }),
    ).toEqual({
      Authorization: 'Bearer [REDACTED:authorization]',
      'x-user-token': 'Bearer [REDACTED:token]',
      'x-api-key': '[REDACTED:api-key]',
      cookie: '[REDACTED:cookie]',
      'set-cookie': ['[REDACTED:cookie]', '[REDACTED:cookie]'],
      'content-type': 'application/json',
      'x-note': 'card ••••••••••••1000',
      'content-length': '42',
    });
  });

  test("accepts Playwright's headersArray() and a Headers instance", () => {
    expect(redactHeaders([{ name: 'authorization', value: MERCHANT_TOKEN }])).toEqual([
      { name: 'authorization', value: '[REDACTED:authorization]' },
    ]);
    expect(redactHeaders(new Headers({ authorization: 'Bearer x', accept: '*/*' }))).toEqual({
      authorization: 'Bearer [REDACTED:authorization]',
      accept: '*/*',
    });
  });
});

test.describe('redactValue', () => {
  test('redacts deeply by key and by pattern, without touching the input', () => {
    const input = {
      request: {
        headers: [{ name: 'Authorization', value: 'Bearer abc' }],
        body: { card: { number: VISA, cvv: 123 } },
      },
      response: {
        data: { accessToken: JWT, last4: '1000', amount: 4000000000001000, items: [`see ${VISA}`] },
      },
      nothing: null,
    };
    const copy = structuredClone(input);
    expect(redactValue(input)).toEqual({
      request: {
        headers: [{ name: 'Authorization', value: 'Bearer [REDACTED:authorization]' }],
        body: { card: { number: '••••••••••••1000', cvv: '[REDACTED:cvv]' } },
      },
      response: {
        data: {
          accessToken: '[REDACTED:token]',
          last4: '1000',
          amount: '••••••••••••1000',
          items: ['see ••••••••••••1000'],
        },
      },
      nothing: null,
    });
    expect(input).toEqual(copy);
  });

  test('survives cycles and non-plain values', () => {
    const a: Record<string, unknown> = { password: 'x' };
    a.self = a;
    expect(redactValue(a)).toEqual({ password: '[REDACTED:password]', self: '[Circular]' });
    const shared = { n: 1 };
    expect(redactValue({ x: shared, y: shared })).toEqual({ x: { n: 1 }, y: { n: 1 } });
    expect(redactValue(`Bearer ${JWT}`)).toBe('Bearer [REDACTED:token]');
    expect(redactValue(new Error(`boom ${VISA}`))).toMatchObject({ message: 'boom ••••••••••••1000' });
  });
});

test.describe('registered secrets', () => {
  test.afterEach(() => resetRegisteredSecrets());

  test('replaces a registered value in its raw, URL-encoded, JSON-escaped and base64 forms', () => {
    const secret = 'p@ss w0rd/"quoted"';
    expect(registerSecret(secret, 'password')).toBe(true);
    const text = [
      secret,
      encodeURIComponent(secret),
      JSON.stringify(secret).slice(1, -1),
      Buffer.from(secret).toString('base64'),
    ].join(' | ');
    expect(redact(text)).toBe(Array(4).fill('[REDACTED:password]').join(' | '));
  });

  test('refuses values too short to be unique', () => {
    expect(registerSecret('abc')).toBe(false);
    expect(redact('abc abcdef')).toBe('abc abcdef');
  });

  test('registers MIGO_* variables whose names mark them secret', () => {
    const count = registerSecretsFromEnv({
      MIGO_CMS_PASSWORD: 'cms-secret-value',
      MIGO_CALLBACK_SECRET: 'callback-secret-value',
      MIGO_CLIENT_SLUG: 'migoLocalSim',
      OTHER_PASSWORD: 'not-ours-value',
    });
    expect(count).toBe(2);
    expect(redact('cms-secret-value callback-secret-value migoLocalSim not-ours-value')).toBe(
      '[REDACTED:password] [REDACTED:secret] migoLocalSim not-ours-value',
    );
  });
});

test.describe('findLeaks', () => {
  test('reports kind and position, and previews only redacted text', () => {
    const text = `{"cvv":"123"} pay with ${VISA} as ${JWT}`;
    const leaks = findLeaks(text);
    expect(leaks.map((l) => l.kind)).toEqual(['cvv', 'pan', 'jwt']);
    const pan = leaks[1]!;
    expect(text.slice(pan.index, pan.index + pan.length)).toBe(VISA);
    for (const leak of leaks) {
      expect(leak.preview).not.toContain(VISA);
      expect(leak.preview).not.toContain(JWT);
      expect(leak.preview).not.toContain('"123"');
      expect(leak.preview).toContain(leak.redacted);
    }
  });

  test('finds nothing in clean text', () => {
    expect(
      findLeaks(JSON.stringify({ uid: 'trx_1', status: 'approved', last4: '1000', code: '7001' })),
    ).toEqual([]);
  });
});
