/** Time is injected: use cases read `deps.clock.now()`, tests move a manual clock instead of sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests and simulations: starts at `start` and moves only when told. */
export function manualClock(
  start: Date | string,
): Clock & { advance(ms: number): void; set(at: Date | string): void } {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (at) => {
      current = new Date(at).getTime();
    },
  };
}

/** The system clock plus an offset that only grows: the dev clock of demos and journeys (`HANDOFF_DEV_CLOCK`). */
export function advancingClock(base: Clock = systemClock): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => new Date(base.now().getTime() + offset),
    advance: (ms) => {
      if (ms < 0) throw new Error('the dev clock only moves forward');
      offset += ms;
    },
  };
}
