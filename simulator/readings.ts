/**
 * The readings a simulator serves (schemas/readings.ts): the options a start or the control API asks for, checked
 * against the table, over the defaults. A route that depends on a guess reads `ctx.readings[<name>]`, never a
 * literal of its own, so the simulator can stand in for a target that follows any option.
 */
import {
  DEFAULT_READINGS,
  READING_NAMES,
  isOptionOf,
  isReadingName,
  unknownOptionMessage,
  type Readings,
} from '../schemas/readings';

/** Why a set of overrides cannot be served, naming the valid readings or options; undefined when it can. */
export function readingsProblem(overrides: Readonly<Record<string, unknown>>): string | undefined {
  for (const [name, option] of Object.entries(overrides)) {
    if (!isReadingName(name))
      return `unknown reading "${name}"; the readings are: ${READING_NAMES.join(', ')}`;
    if (typeof option !== 'string' || !isOptionOf(name, option))
      return unknownOptionMessage(name, String(option));
  }
  return undefined;
}

/** The defaults with `overrides` served instead; throws with `readingsProblem`'s message on a bad one. */
export function servedReadings(overrides: Readonly<Record<string, unknown>> = {}): Readings {
  const problem = readingsProblem(overrides);
  if (problem) throw new Error(problem);
  return { ...DEFAULT_READINGS, ...overrides } as Readings;
}
