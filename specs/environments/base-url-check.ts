/**
 * The verdict on the base URL a run calls for one surface, against the documented one (specs/documented/), never
 * against the table the configuration was built from. Pure, so tests/documented/base-url-check.test.ts can show
 * that a configuration drifting from the docs fails it.
 */
import { documentedBaseUrl, type DocumentedSurface } from '../documented';

export type ApiSurface = Exclude<DocumentedSurface, 'webview'>;

export type BaseUrlVerdict =
  /** Sandbox or production, at the documented URL. */
  | { kind: 'documented'; documented: string }
  /** A local run: the check works against a stand-in, and says so. */
  | { kind: 'simulated'; note: string }
  /** A sandbox run whose override differs from the documented URL: it cannot prove the item. */
  | { kind: 'not-run'; reason: string }
  | { kind: 'wrong'; problem: string };

export interface UrlInUse {
  target: 'local' | 'sandbox' | 'production';
  surface: ApiSurface;
  /** The base URL the clients called. */
  url: string;
  /** The variable that set it, when one did (an override of the documented URL); already redacted for display. */
  overriddenBy?: { variable: string; shown: string };
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];
const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

export function baseUrlVerdict({ target, surface, url, overriddenBy }: UrlInUse): BaseUrlVerdict {
  const inUse = withoutTrailingSlash(url);
  if (target === 'local') {
    const sandbox = documentedBaseUrl(surface, 'sandbox');
    const production = documentedBaseUrl(surface, 'production');
    if ([sandbox, production].includes(inUse))
      return { kind: 'wrong', problem: `a local run calls the documented Migo host ${inUse}` };
    const host = new URL(inUse);
    if (!overriddenBy && (host.protocol !== 'http:' || !LOOPBACK.includes(host.hostname)))
      return { kind: 'wrong', problem: `the embedded simulator serves plain http on loopback, not ${inUse}` };
    const standIn = overriddenBy
      ? `${overriddenBy.variable} (${overriddenBy.shown})`
      : 'the embedded simulator';
    return {
      kind: 'simulated',
      note: `SIMULATED only: ${standIn} stands in for Migo; this checks the suite's own URL handling, not the documented base URL (sandbox ${sandbox}, production ${production})`,
    };
  }
  const documented = documentedBaseUrl(surface, target);
  if (inUse === documented) return { kind: 'documented', documented };
  if (overriddenBy && target === 'sandbox')
    return {
      kind: 'not-run',
      reason: `${overriddenBy.variable} (${overriddenBy.shown}) overrides the documented sandbox URL ${documented}: this run does not call it, so it cannot prove it`,
    };
  return {
    kind: 'wrong',
    problem: `the ${surface} is called at ${overriddenBy?.shown ?? inUse}, not at the documented ${target} URL ${documented} (environments page)${overriddenBy ? `; ${overriddenBy.variable} sets it` : ''}`,
  };
}
