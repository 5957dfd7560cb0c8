/** Runs after the matrix's own global setup in the bench's timed runs (bench/timing/matrix.config.ts). */
import { timingMarks } from './marks';

export default function markGlobalSetupEnd(): void {
  timingMarks().globalSetupEnd = Date.now();
}
