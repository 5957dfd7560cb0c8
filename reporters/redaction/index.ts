/**
 * Redaction: the one module every writer of output goes through (Allure attachments, the go-live report, run
 * summaries, observations, CLI output, the runner's reporters, the workers' console). Secrets are found three
 * ways, in a single combined regular expression:
 * - exact values registered at run time (./registry.ts): merchant token, private keys, passwords, cards, and the
 *   credentials and tokens learned during the run, in every encoded form (URL, JSON, base64 at any offset, PEM
 *   body);
 * - by key name (./key-rules.ts), in JSON, JS-inspect, form-encoded, query-string and header-line text;
 * - by pattern (./patterns.ts): Luhn-valid card numbers in any common grouping, a CVC next to its label, JWTs,
 *   PEM private keys, bearer tokens, 64-hex merchant tokens.
 *
 * Dependency-free on purpose (Node built-ins only): fixtures run it in every worker on every exchange.
 */
export { redactedMarker, type LeakKind } from './kinds';
export { looksLikePan, luhnValid, maskPan } from './pan';
export { secretKindOfKey } from './key-rules';
export {
  MIN_SECRET_LENGTH,
  onSecretRegistered,
  registerSecret,
  registerSecretsFromEnv,
  resetRegisteredSecrets,
  secretForms,
} from './registry';
export {
  findLeaks,
  redact,
  redactHeaders,
  redactValue,
  type HeaderEntry,
  type HeaderValue,
  type Leak,
} from './pass';
