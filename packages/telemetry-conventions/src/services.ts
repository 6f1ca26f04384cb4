/**
 * `service.name` of each app, as the course names them so traces read the
 * same in Honeycomb, X-Ray and the local viewer. Both apps must differ: one
 * name for every service was a common week-2 mistake.
 */
export const SERVICE = {
  frontend: 'frontend-react-js',
  backend: 'backend-flask',
} as const;

export type ServiceName = (typeof SERVICE)[keyof typeof SERVICE];
