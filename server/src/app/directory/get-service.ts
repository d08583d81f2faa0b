/** One service of the network, as every member may see it (the directory holds no patient data). */
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { findNamedService } from './find-services.ts';
import { serviceView, type ServiceView } from './service-record.ts';

export async function getService(deps: Deps, actor: Actor, id: string): Promise<ServiceView> {
  const member = requireMember(actor);
  await authorize(deps, member, 'service.read', { what: 'Service' });
  const { row, names } = await findNamedService(deps.db, member.networkId, id);
  return serviceView(row, names, deps.clock.now(), deps.config.capacityMaxAgeDays);
}
