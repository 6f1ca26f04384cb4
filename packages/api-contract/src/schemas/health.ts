import Type, { type Static } from 'typebox';

export const HealthCheck = Type.Object({ success: Type.Literal(true) });
export type HealthCheck = Static<typeof HealthCheck>;
