/**
 * Every reading a route shows, option by option, against the simulator serving that option: the option is
 * observable on the wire; the check it affects fails, under the default profile, with exactly the
 * assumption-differs sentence; and it passes under the profile that holds the option. The catalog codes no route
 * of the simulator answers are checked in the error builder instead.
 */
import { ERROR_CATALOG } from '../../schemas/error-catalog';
import {
  DEFAULT_READINGS,
  READING_NAMES,
  assumptionDiffersMessage,
  optionNames,
  otherOptions,
  readingsWith,
  type ReadingName,
} from '../../schemas/readings';
import { gatewayError } from '../../simulator/errors';
import { MutationSet } from '../../simulator/mutations';
import { test, expect } from '../simulator/sim';
import { SCENARIOS, apiFor } from './scenarios';

/** The catalog codes no route of the simulator answers: their readings cannot show on the wire. */
const UNANSWERED = ['7205', '7210', '7213', '7220', '7221', '7300', '7301'] as const;

test('every reading has a wire scenario, except the codes no route answers', () => {
  const uncovered = READING_NAMES.filter((name) => !SCENARIOS[name]);
  expect(uncovered).toEqual(UNANSWERED.map((code) => `error-status-${code}`));
});

for (const [name, scenario] of Object.entries(SCENARIOS) as [
  ReadingName,
  NonNullable<(typeof SCENARIOS)[ReadingName]>,
][]) {
  const fallback = DEFAULT_READINGS[name];

  test(`${name}: the simulator serves each option, and they differ on the wire`, async ({ sim }) => {
    const seen: string[] = [];
    for (const option of optionNames(name)) {
      await sim.control('POST', '/reset');
      await sim.serve({ [name]: option });
      seen.push(`${option} → ${JSON.stringify(await scenario.wire(sim))}`);
    }
    expect(new Set(seen.map((s) => s.split(' → ')[1])).size, seen.join(' | ')).toBe(seen.length);
  });

  test(`${name}: the default profile passes against the default option`, async ({ sim, request }) => {
    await scenario.check({ sim, api: apiFor(sim, request, DEFAULT_READINGS), readings: DEFAULT_READINGS });
  });

  for (const option of otherOptions(name, fallback)) {
    test(`${name}=${option}: the default profile fails as assumption differs; the matching profile passes`, async ({
      sim,
      request,
    }) => {
      await sim.serve({ [name]: option });
      const error = (await scenario
        .check({ sim, api: apiFor(sim, request, DEFAULT_READINGS), readings: DEFAULT_READINGS })
        .then(
          () => undefined,
          (e: unknown) => e,
        )) as Error | undefined;
      expect(error?.name, `the failure: ${error?.message}`).toBe('AssumptionDiffers');
      expect(error!.message.split('\n')[0]).toBe(assumptionDiffersMessage(name, fallback, option));

      await sim.control('POST', '/reset');
      const matching = readingsWith({ [name]: option });
      await scenario.check({ sim, api: apiFor(sim, request, matching), readings: matching });
    });
  }
}

test('the error builder answers every option of the readings no route shows', () => {
  for (const code of UNANSWERED) {
    const row = ERROR_CATALOG.find((r) => r.code === code)!;
    expect(row.surface).toBe('gateway');
    for (const option of optionNames(`error-status-${code}`)) {
      const readings = readingsWith({ [`error-status-${code}`]: option });
      const reply = gatewayError(code, { mutations: new MutationSet(), readings });
      expect(reply.status, `${code} under ${option}`).toBe(Number(option));
    }
  }
});
