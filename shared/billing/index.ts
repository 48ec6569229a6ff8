export * from './bill-session.ts';
export * from './billing-error.ts';
export * from './rate.ts';
