import { describe, expect, it } from 'vitest';
import { activityPath, conversationPath, handleFromSegment, profilePath, searchPath } from '../src/lib/paths';

describe('paths', () => {
  it('reads the handle from an "@" segment only', () => {
    expect(handleFromSegment('@andrewbrown')).toBe('andrewbrown');
    expect(handleFromSegment('andrewbrown')).toBeNull();
    expect(handleFromSegment('@')).toBeNull();
    expect(handleFromSegment(undefined)).toBeNull();
  });

  it('builds the app URLs', () => {
    expect(profilePath('worf')).toBe('/@worf');
    expect(activityPath('worf', 'abc')).toBe('/@worf/status/abc');
    expect(conversationPath('garek')).toBe('/messages/@garek');
    expect(searchPath('cloud & fun')).toBe('/search?term=cloud+%26+fun');
  });
});
