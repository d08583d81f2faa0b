/** Matrix probes for directory actions: services, capacity, import. */
import type { MatrixContext, ProbeModule } from './types.ts';

export function directoryProbes(_ctx: MatrixContext): ProbeModule {
  return { probes: {} };
}
