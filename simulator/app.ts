/**
 * Builds the four surfaces (fastify instances, not listening) over one shared context. `index.ts` is the only
 * place that listens.
 */
import type { FastifyInstance } from 'fastify';
import type { SecureContextOptions } from 'node:tls';
import type { SimulatorContext } from './context';
import type { SurfaceName } from './faults';
import { buildCms } from './surfaces/cms';
import { buildMiddleware } from './surfaces/middleware';
import { buildWalletGateway } from './surfaces/wallet-gateway';
import { buildWebview } from './surfaces/webview';

export type Surfaces = Record<SurfaceName, FastifyInstance>;

export function buildSurfaces(
  ctx: SimulatorContext,
  options: { logger: boolean; tls?: SecureContextOptions; httpVariants?: boolean },
): Surfaces {
  return {
    middleware: buildMiddleware(ctx, options),
    walletGateway: buildWalletGateway(ctx, options),
    cms: buildCms(ctx, options),
    webview: buildWebview(ctx, options),
  };
}
