/**
 * Alternative Payments processors as the simulator models them. Documented: the processor keys, quickPayQR's
 * `json` payload (Costa Rica / Honduras recipes), nequi's `payButton` payload (Colombia recipe), fri's
 * requiredFields intent, the special-cased intents of fri / nequi / globalPay-PSE, the data fri needs (`user` or
 * `phoneNumber`) and bamPaymentButton's `installments`. Everything else here (the other payload kinds, which
 * processor cancels how, nequi's and PSE's intent fields) is OUR assumption, listed in simulator/README.md;
 * zigi's cancel row and whether a kind outside the list may come are readings (zigi-dismiss, payload-type-enum).
 */
import type { Readings } from '../schemas/readings';

export type PayloadKind = 'url' | 'qr' | 'html' | 'payButton' | 'json' | 'base64';

/** A payload kind no page lists (ours): what a target that adds enum values (reading payload-type-enum) sends. */
export const UNKNOWN_PAYLOAD_KIND = 'deeplink';

/** The processor that answers UNKNOWN_PAYLOAD_KIND under payload-type-enum = open (ours: one outside the specs' cases). */
export const OPEN_KIND_PROCESSOR = 'push-payment-gateway';

/**
 * How dismiss treats an IN_PROGRESS transaction of this processor (dismiss-transaction page):
 * `hook` = dedicated cancel hook → CANCELLED (JSON); `upstream` = generic upstream cancel → DISMISSED (`OK`);
 * `none` = no cancel hook → 405, ownCode 4021.
 */
export type CancelBehaviour = 'hook' | 'upstream' | 'none';

export interface ProcessorModel {
  readonly kind: PayloadKind;
  readonly cancel: CancelBehaviour;
  /** `data` fields of which at least one is required by POST …/payments. */
  readonly needsOneOf?: readonly string[];
}

export const PROCESSORS = {
  zigi: { kind: 'html', cancel: 'hook' },
  akisiQR: { kind: 'qr', cancel: 'none' },
  bancoIndustrial: { kind: 'base64', cancel: 'none' },
  quickPayQR: { kind: 'json', cancel: 'none' },
  bamPaymentButton: { kind: 'url', cancel: 'upstream' },
  pronet: { kind: 'json', cancel: 'upstream' },
  fri: { kind: 'url', cancel: 'upstream', needsOneOf: ['user', 'phoneNumber'] },
  nequi: { kind: 'payButton', cancel: 'hook', needsOneOf: ['phoneNumber'] },
  'globalPay-PSE': { kind: 'url', cancel: 'none' },
  zigiQR: { kind: 'qr', cancel: 'none' },
  bbvaQR: { kind: 'qr', cancel: 'none' },
  'push-payment-gateway': { kind: 'json', cancel: 'upstream' },
} as const satisfies Record<string, ProcessorModel>;

export type ProcessorName = keyof typeof PROCESSORS;

export const PROCESSOR_NAMES = Object.keys(PROCESSORS) as ProcessorName[];

export function isProcessorName(name: string): name is ProcessorName {
  return Object.hasOwn(PROCESSORS, name);
}

/** How dismiss cancels this processor while IN_PROGRESS; zigi's row is the reading zigi-dismiss. */
export function cancelBehaviour(processor: ProcessorName, readings: Readings): CancelBehaviour {
  if (processor === 'zigi') return readings['zigi-dismiss'] === 'cancel-hook' ? 'hook' : 'upstream';
  return PROCESSORS[processor].cancel;
}

/** The documented fri intent (payment-intents page), verbatim. */
const FRI_REQUIRED_FIELDS = {
  phoneNumber: { description: 'Número de teléfono registrado en FRI', required: false },
  user: { description: 'Nombre de usuario registrado en FRI', required: false },
  note: 'Al menos uno de los dos campos es requerido (phoneNumber o user)',
};

/**
 * `data` of POST …/payment-intents: `{requiredFields}` for the special-cased processors, `null` for the others.
 * nequi and globalPay-PSE are special-cased by the docs but their payloads were cut: these are ours.
 */
export function intentFor(processor: ProcessorName): { requiredFields: Record<string, unknown> } | null {
  switch (processor) {
    case 'fri':
      return { requiredFields: FRI_REQUIRED_FIELDS };
    case 'nequi':
      return {
        requiredFields: {
          phoneNumber: {
            description: 'Número de celular Nequi (10 dígitos)',
            required: true,
            sandboxValue: '3001234567',
          },
        },
      };
    case 'globalPay-PSE':
      return {
        requiredFields: {
          bank: {
            description: 'Banco del pagador',
            required: true,
            options: [
              { code: '1007', name: 'BANCOLOMBIA' },
              { code: '1051', name: 'DAVIVIENDA' },
              { code: '1001', name: 'BANCO DE BOGOTA' },
            ],
          },
          personType: { description: 'Tipo de persona', required: true, options: ['natural', 'juridica'] },
          documentNumber: { description: 'Documento del pagador', required: true },
        },
      };
    default:
      return null;
  }
}

/** A tiny valid PNG (1×1): the `base64` payload stands for a QR image. */
const QR_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==';

/** CRC-16/CCITT-FALSE, the checksum EMVCo QR payloads end with (tag 63). */
function crc16(text: string): string {
  let crc = 0xffff;
  for (let i = 0; i < text.length; i += 1) {
    crc ^= text.charCodeAt(i) << 8;
    for (let bit = 0; bit < 8; bit += 1)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

function tlv(tag: string, value: string): string {
  return `${tag}${String(value.length).padStart(2, '0')}${value}`;
}

/** An EMVCo merchant-presented QR string (what QR rails hand out). */
function emvQr(merchant: string, amount: number, reference: string): string {
  const body =
    tlv('00', '01') +
    tlv('01', '12') +
    tlv('26', tlv('00', 'gt.migo.sim') + tlv('01', reference)) +
    tlv('52', '0000') +
    tlv('53', '320') +
    tlv('54', amount.toFixed(2)) +
    tlv('58', 'GT') +
    tlv('59', merchant.slice(0, 25)) +
    tlv('60', 'GUATEMALA') +
    '6304';
  return body + crc16(body);
}

export interface PaymentRequestInput {
  processor: ProcessorName;
  uid: string;
  reference: string;
  amount: number;
  client: string;
  webviewUrl: string;
  installments?: number;
  readings: Readings;
}

/** `{type, data}` of a payment request (the `paymentRequest` the payments answer carries). */
export function paymentRequestFor(input: PaymentRequestInput): {
  type: PayloadKind | typeof UNKNOWN_PAYLOAD_KIND;
  data: unknown;
} {
  const { processor, uid, reference, amount, client, webviewUrl } = input;
  const kind = PROCESSORS[processor].kind;
  const pageUrl = `${webviewUrl}/alternative/${encodeURIComponent(uid)}?processor=${encodeURIComponent(processor)}`;
  if (processor === OPEN_KIND_PROCESSOR && input.readings['payload-type-enum'] === 'open')
    return { type: UNKNOWN_PAYLOAD_KIND, data: pageUrl };
  switch (kind) {
    case 'url':
      return { type: kind, data: pageUrl };
    case 'qr':
      return { type: kind, data: emvQr(client, amount, reference) };
    case 'base64':
      return { type: kind, data: QR_PNG_BASE64 };
    case 'html':
      return {
        type: kind,
        data: `<div class="migo-sim-instructions"><p>Open ${processor} and approve the payment of ${amount.toFixed(2)} (reference ${reference}).</p></div>`,
      };
    case 'payButton':
      return { type: kind, data: { label: `Pay with ${processor}`, url: pageUrl } };
    case 'json':
      return {
        type: kind,
        data: {
          reference,
          amount,
          qrString: emvQr(client, amount, reference),
          installments: input.installments,
        },
      };
  }
}
