/**
 * The simulator's local test credentials, new at every start (nothing secret is committed). They are shaped like
 * the real ones (64-hex merchant token, UUID key pair, Ed25519 keys) so clients exercise the same parsing.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  verify,
  type KeyObject,
} from 'node:crypto';
import { loginSignedMessage } from '../schemas/login-request.schema';
import type { Readings } from '../schemas/readings';

export interface SimulatorCredentials {
  merchantToken: string; // 64 lowercase hex chars
  clientSlug: string; // e.g. 'migoLocalSim'
  privateKey: string;
  publicKey: string; // the /transactions-hook pair (UUID-shaped)
  applicationId: string;
  walletMerchant: string;
  walletPrivateKey: string; // Ed25519 PKCS8 PEM; what a login signs is the reading wallet-login-signed-bytes
  cmsMerchant: string;
  cmsEmail: string;
  cmsPassword: string;
  partnerId: string;
  webhookPublicKey: string; // Ed25519 public key (SPKI PEM) for the Standard-Webhooks signing mode
}

/** Private keys the simulator itself holds (never sent anywhere). */
export interface SimulatorKeys {
  /** Signs the JWTs it issues. */
  jwtPrivate: KeyObject;
  jwtPublic: KeyObject;
  /** Signs callbacks in `ed25519` mode. */
  webhookPrivate: KeyObject;
  /** Verifies the wallet login signature. */
  walletPublic: KeyObject;
}

export const CLIENT_SLUG = 'migoLocalSim';

export function createCredentials(): { credentials: SimulatorCredentials; keys: SimulatorKeys } {
  const wallet = generateKeyPairSync('ed25519');
  const jwt = generateKeyPairSync('ed25519');
  const webhook = generateKeyPairSync('ed25519');
  const walletPrivateKey = wallet.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const credentials: SimulatorCredentials = {
    merchantToken: randomBytes(32).toString('hex'),
    clientSlug: CLIENT_SLUG,
    privateKey: randomUUID(),
    publicKey: randomUUID(),
    applicationId: randomUUID(),
    walletMerchant: CLIENT_SLUG,
    walletPrivateKey,
    cmsMerchant: 'migoLocalSimCms',
    cmsEmail: 'operator@migo-local-sim.test',
    cmsPassword: `Sim-${randomBytes(9).toString('base64url')}`,
    partnerId: '101',
    webhookPublicKey: webhook.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
  return {
    credentials,
    keys: {
      jwtPrivate: jwt.privateKey,
      jwtPublic: jwt.publicKey,
      webhookPrivate: webhook.privateKey,
      walletPublic: createPublicKey(createPrivateKey(walletPrivateKey)),
    },
  };
}

/**
 * Whether `signature` (base64) is the application key's Ed25519 signature of the login bytes the reading
 * wallet-login-signed-bytes names (the Wallet Gateway login, and the CMS app login when it is signed).
 */
export function signsLogin(
  keys: SimulatorKeys,
  merchant: string,
  signature: string,
  readings: Readings,
): boolean {
  try {
    const message = loginSignedMessage(merchant, readings['wallet-login-signed-bytes']);
    return verify(null, message, keys.walletPublic, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
