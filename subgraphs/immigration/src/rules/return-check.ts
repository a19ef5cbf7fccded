/**
 * Screening before return, as pure rules over UDI's own records of a
 * proceeding's NRM checks: its check status, and whether it may be executed.
 */

/** A check as UDI keeps it. */
export interface CheckFacts {
  hit: boolean;
  alertState: string | null;
}

/** NOT_CHECKED (no NRM check yet), CLEAR (no hit), ALERT_OPEN (an alert not yet closed), ALERT_CLOSED; by the latest check. */
export type ReturnCheckStatus = 'NOT_CHECKED' | 'CLEAR' | 'ALERT_OPEN' | 'ALERT_CLOSED';

/** The check status from the checks, oldest first. */
export function returnCheckStatus(checks: readonly CheckFacts[]): ReturnCheckStatus {
  const latest = checks.at(-1);
  if (!latest) return 'NOT_CHECKED';
  if (!latest.hit && latest.alertState === null) return 'CLEAR';
  return latest.alertState === 'CLOSED' ? 'ALERT_CLOSED' : 'ALERT_OPEN';
}

/**
 * Why a return may not move to CARRIED_OUT without a reasoned override:
 * `RETURN_NOT_CHECKED` or `ALERT_OPEN`; null when it may. Only a PLANNED
 * return can be executed at all (checked separately).
 */
export function executionBlock(status: ReturnCheckStatus): 'RETURN_NOT_CHECKED' | 'ALERT_OPEN' | null {
  if (status === 'NOT_CHECKED') return 'RETURN_NOT_CHECKED';
  if (status === 'ALERT_OPEN') return 'ALERT_OPEN';
  return null;
}

/** Shortest reasoned override, in characters: a reason, not a tick box. */
export const OVERRIDE_MIN_LENGTH = 20;
