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
  type KeyObject,
} from 'node:crypto';

export interface SimulatorCredentials {
  merchantToken: string; // 64 lowercase hex chars
  clientSlug: string; // e.g. 'migoLocalSim'
  privateKey: string;
  publicKey: string; // the /transactions-hook pair (UUID-shaped)
  applicationId: string;
  walletMerchant: string;
  walletPrivateKey: string; // Ed25519 PKCS8 PEM; the login signs the UTF-8 merchant slug (assumption)
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
