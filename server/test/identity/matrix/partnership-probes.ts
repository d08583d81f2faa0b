/** Matrix probes for partnership actions. */
import type { MatrixContext, ProbeModule } from './types.ts';

export function partnershipProbes(_ctx: MatrixContext): ProbeModule {
  return { probes: {} };
}
