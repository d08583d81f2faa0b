/** One-off notices passed to the login page through router state after an account action. */
export type Notice = 'loggedOut' | 'passwordReset' | 'invitationAccepted' | 'resetRequested';

export interface NoticeState {
  notice?: Notice;
}

export const readNotice = (state: unknown): Notice | undefined =>
  state && typeof state === 'object' && 'notice' in state ? (state as NoticeState).notice : undefined;
