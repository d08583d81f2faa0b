/** Records a meeting with its attendees, notes and action items (owners must be members of a side). */
import { randomUUID } from 'node:crypto';
import { partnershipActionItems, partnershipMeetings } from '../../db/schema/index.ts';
import type { Actor, Deps } from '../context.ts';
import type { MeetingInput } from './schemas.ts';
import { manageWorkspace, requireMembersOfParties } from './manage-workspace.ts';

export const addMeeting = (deps: Deps, actor: Actor, id: string, input: MeetingInput) =>
  manageWorkspace(deps, actor, id, 'meeting', async (tx, now, p, by) => {
    const owners = input.actionItems.flatMap((a) => a.ownerUserId ?? []);
    await requireMembersOfParties(tx, p, [...new Set(owners)], 'actionItems.ownerUserId');
    const meetingId = randomUUID();
    await tx.insert(partnershipMeetings).values({
      networkId: p.networkId,
      id: meetingId,
      partnershipId: p.id,
      heldOn: input.heldOn,
      title: input.title,
      attendees: input.attendees,
      notes: input.notes ?? null,
      createdBy: by.userId,
      createdAt: now,
    });
    if (input.actionItems.length > 0) {
      await tx.insert(partnershipActionItems).values(
        input.actionItems.map((a) => ({
          networkId: p.networkId,
          id: randomUUID(),
          partnershipId: p.id,
          meetingId,
          description: a.description,
          ownerUserId: a.ownerUserId ?? null,
          dueOn: a.dueOn ?? null,
          createdAt: now,
          updatedAt: now,
        })),
      );
    }
  });
