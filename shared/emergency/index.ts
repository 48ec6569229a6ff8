export * from './budget.ts';
export * from './labels.ts';
export * from './lines.ts';
export * from './payload.ts';
export * from './plain-text.ts';
export * from './profile.ts';
