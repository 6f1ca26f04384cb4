import { ACTION, SERVICE } from '@cruddur/telemetry-conventions';
import { describe, expect, it } from 'vitest';
import { isCompleteClickTrace, type ViewerSpan } from '../src/trace-check.js';

const root: ViewerSpan = { parentSpanId: null, name: ACTION.openHome, kind: 'INTERNAL', service: SERVICE.frontend };
const fetchSpan: ViewerSpan = { parentSpanId: 'aa', name: 'GET', kind: 'CLIENT', service: SERVICE.frontend };
const server: ViewerSpan = { parentSpanId: 'bb', name: 'GET /api/activities/home', kind: 'SERVER', service: SERVICE.backend };

describe('isCompleteClickTrace', () => {
  it('needs the browser root named by the action and the API SERVER span', () => {
    expect(isCompleteClickTrace([root, fetchSpan, server], ACTION.openHome)).toBe(true);
    expect(isCompleteClickTrace([fetchSpan, server], ACTION.openHome)).toBe(false);
    expect(isCompleteClickTrace([root, fetchSpan], ACTION.openHome)).toBe(false);
  });
  it('does not take another action’s trace', () => {
    expect(isCompleteClickTrace([root, server], ACTION.openNotifications)).toBe(false);
  });
});
