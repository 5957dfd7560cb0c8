/**
 * The redaction pass scans most texts with its patterns alone and takes the expression with the registered
 * literals only when one of them may occur in the text (reporters/redaction/patterns.ts `patternFor`). These
 * tests pin that the shortcut never skips a registered secret (any case, any position, a form of it, a non-ASCII
 * secret) and that it finds exactly the matches the combined expression finds.
 */
import { test, expect } from '@playwright/test';
import { combinedPattern, patternFor } from '../../reporters/redaction/patterns';
import { redact } from '../../reporters/redaction/pass';
import { registerSecret, resetRegisteredSecrets } from '../../reporters/redaction/registry';

const SECRET = 'mErChAnT-t0ken-7f3a9c2e51';

test.beforeEach(() => resetRegisteredSecrets());
test.afterAll(() => resetRegisteredSecrets());

test('a text without a registered secret is scanned with the patterns alone, and cards are still masked', () => {
  registerSecret(SECRET, 'merchant-token');
  const text = 'POST /transactions answered 201 for card 4111 1111 1111 1111';
  expect(patternFor(text).source).not.toContain('(?<reg>');
  expect(redact(text)).not.toContain('4111 1111 1111 1111');
});

test('a registered secret in any case and position takes the full expression and is redacted', () => {
  registerSecret(SECRET, 'merchant-token');
  for (const form of [SECRET, SECRET.toUpperCase(), SECRET.toLowerCase()])
    for (const text of [
      form,
      `token=${form}`,
      `x${form}`,
      `${form}.`,
      `a long prefix … ${form} and a suffix`,
    ]) {
      expect(patternFor(text).source, text).toContain('(?<reg>');
      expect(redact(text), text).not.toMatch(new RegExp(SECRET, 'i'));
    }
});

test('the base64 form of a registered secret is found by the shortcut too', () => {
  registerSecret(SECRET, 'secret');
  const encoded = Buffer.from(`user:${SECRET}`).toString('base64');
  expect(patternFor(`Authorization: Basic ${encoded}`).source).toContain('(?<reg>');
  expect(redact(`header ${encoded} end`)).not.toContain(encoded.slice(8, 24));
});

test('a secret with non-ASCII characters always takes the full expression', () => {
  registerSecret('clave-secreta-ñandú-42', 'secret');
  expect(patternFor('nothing secret here')).toBe(combinedPattern());
  expect(redact('the key is CLAVE-SECRETA-ÑANDÚ-42')).not.toContain('42');
});

/** Every match of `re` in `text`, as the pass walks them. */
function matches(re: RegExp, text: string): string[] {
  const found: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    found.push(`${m.index}:${m[0]}:${m.groups?.reg !== undefined}`);
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return found;
}

test('the expression for a text finds exactly the matches of the combined expression', () => {
  const secrets = ['alpha-secret-0001', 'alpha-secret-0001-longer', 'beta-token-XYZ987', 'gamma.key.55aa'];
  for (const secret of secrets) registerSecret(secret, 'secret');
  const pieces = [
    ...secrets,
    'ALPHA-SECRET-0001',
    'token=beta-token-xyz987',
    'card 4000 0000 0000 1000 cvc 123',
    'Authorization: Bearer abc.def.ghi',
    '{"cvv":"123","note":"gamma.key.55aa"}',
    'plain words',
    'x',
  ];
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 300; i += 1) {
    const text = Array.from(
      { length: 1 + Math.floor(random() * 5) },
      () => pieces[Math.floor(random() * pieces.length)],
    ).join(random() < 0.5 ? ' ' : '');
    expect(matches(patternFor(text), text), text).toEqual(matches(combinedPattern(), text));
  }
});
