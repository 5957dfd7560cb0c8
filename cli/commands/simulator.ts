import { UsageError } from '../usage-error';

export async function run(_argv: string[]): Promise<number> {
  throw new UsageError('simulator is not implemented yet.');
}
