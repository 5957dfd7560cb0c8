/** Imported first by the bench's Playwright configs: the moment the runner starts evaluating its config. */
import { timingMarks } from './marks';

timingMarks().configStart ??= Date.now();
