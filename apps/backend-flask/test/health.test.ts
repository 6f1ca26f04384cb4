import { describe, expect, it } from 'vitest';
import { testApp } from './helpers.js';

describe('GET /api/health-check', () => {
  it('answers {"success": true}', async () => {
    const app = await testApp();
    const res = await app.inject('/api/health-check');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('{"success":true}');
  });
});
