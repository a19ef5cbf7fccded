import { describe, expect, it } from 'vitest';
import { executionBlock, returnCheckStatus } from '../src/rules/return-check.ts';

describe('the screening before return', () => {
  it('is NOT_CHECKED without a check, and then blocks execution', () => {
    expect(returnCheckStatus([])).toBe('NOT_CHECKED');
    expect(executionBlock('NOT_CHECKED')).toBe('RETURN_NOT_CHECKED');
  });
  it('is CLEAR after a check without a hit, which does not block', () => {
    expect(returnCheckStatus([{ hit: false, alertState: null }])).toBe('CLEAR');
    expect(executionBlock('CLEAR')).toBeNull();
  });
  it('is ALERT_OPEN while the alert is open or acknowledged, which blocks', () => {
    expect(returnCheckStatus([{ hit: true, alertState: 'OPEN' }])).toBe('ALERT_OPEN');
    expect(returnCheckStatus([{ hit: true, alertState: 'ACKNOWLEDGED' }])).toBe('ALERT_OPEN');
    expect(executionBlock('ALERT_OPEN')).toBe('ALERT_OPEN');
  });
  it('follows the latest check: a closed alert no longer blocks', () => {
    expect(
      returnCheckStatus([
        { hit: true, alertState: 'OPEN' },
        { hit: true, alertState: 'CLOSED' },
      ]),
    ).toBe('ALERT_CLOSED');
    expect(executionBlock('ALERT_CLOSED')).toBeNull();
  });
});
