/**
 * Which forms of the merchant token an authorizer accepts, judged against the readings payment-link-bearer and
 * alternative-bearer: each option names the forms it accepts, and the answers to one request per form must match.
 * An answer pair that only another option explains fails as AssumptionDiffers; one no option explains (both
 * refused: a wrong token) fails plainly.
 */
import { expectReading } from '../../fixtures';
import type { OptionOf, Readings } from '../../schemas/readings';

export const TOKEN_FORMS = {
  raw: 'Authorization: <token>',
  bearer: 'Authorization: Bearer <token>',
} as const;
export type TokenForm = keyof typeof TOKEN_FORMS;

type PrefixReading = 'payment-link-bearer' | 'alternative-bearer';

/** The forms each option accepts (the authentication page vs the sandbox cheat sheet, docs contradiction A.7 #2). */
export const ACCEPTED_FORMS: { [N in PrefixReading]: Record<OptionOf<N>, Record<TokenForm, boolean>> } = {
  'payment-link-bearer': {
    optional: { raw: true, bearer: true },
    refused: { raw: true, bearer: false },
    required: { raw: false, bearer: true },
  },
  'alternative-bearer': {
    optional: { raw: true, bearer: true },
    required: { raw: false, bearer: true },
  },
};

/** `accepted[form]`: whether the target accepted the request sent with the token in that form. */
export function expectAcceptedForms(
  readings: Readings,
  name: PrefixReading,
  accepted: Record<TokenForm, boolean>,
  answered: Record<TokenForm, number>,
): void {
  const table = ACCEPTED_FORMS[name] as Record<string, Record<TokenForm, boolean>>;
  expectReading(
    readings,
    name,
    'the authorizer accepts the forms of the merchant token the reading names',
    (option) => {
      const wrong = (Object.keys(TOKEN_FORMS) as TokenForm[]).filter(
        (form) => accepted[form] !== table[option]![form],
      );
      return wrong.length === 0
        ? undefined
        : wrong
            .map(
              (form) =>
                `${TOKEN_FORMS[form]} answered ${answered[form]}, but ${option} ${table[option]![form] ? 'accepts' : 'refuses'} it`,
            )
            .join('; ');
    },
  );
}
