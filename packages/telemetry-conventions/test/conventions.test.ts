import { describe, expect, it } from 'vitest';
import { ACTION, ATTR, SERVICE, SPAN, isActionName } from '../src/index.js';

const unique = (values: string[]) => new Set(values).size === values.length;

describe('telemetry conventions', () => {
  it('names the two services as the course does, and differently', () => {
    expect(SERVICE).toEqual({ frontend: 'frontend-react-js', backend: 'backend-flask' });
  });

  it('keeps the course span name for the home mock data', () => {
    expect(SPAN.homeActivitiesMockData).toBe('home-activities-mock-data');
  });

  it.each([
    ['span', Object.values(SPAN)],
    ['action', Object.values(ACTION)],
  ])('%s names are unique kebab-case', (_kind, names) => {
    expect(unique(names)).toBe(true);
    for (const name of names) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('attribute keys are unique app.snake_case', () => {
    const keys = Object.values(ATTR);
    expect(unique(keys)).toBe(true);
    for (const key of keys) expect(key).toMatch(/^app\.[a-z]+(_[a-z]+)*$/);
    expect(ATTR.now).toBe('app.now');
    expect(ATTR.resultLength).toBe('app.result_length');
    expect(ATTR.userHandle).toBe('app.user_handle');
  });

  it('recognises action names only', () => {
    expect(isActionName('post-crud')).toBe(true);
    expect(isActionName('Post-Crud')).toBe(false);
    expect(isActionName('constructor')).toBe(false);
    expect(isActionName(undefined)).toBe(false);
  });
});
