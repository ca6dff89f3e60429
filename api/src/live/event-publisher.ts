// The port through which a service announces the events it committed: each state-changing service method
// writes its alert or case events in a transaction and hands their ids here after the commit. The running
// process connects it to the live buses (live.ts); tests pass a recorder.

export interface EventPublisher {
  /** New rows of alert_events, after their commit. */
  alertEvents(eventIds: readonly number[]): void;
  /** New rows of case_events, after their commit. */
  caseEvents(eventIds: readonly number[]): void;
}

/** For callers nobody listens to live (seeding, scripts, tests that do not watch events). */
export const noListeners: EventPublisher = {
  alertEvents: () => undefined,
  caseEvents: () => undefined,
};
