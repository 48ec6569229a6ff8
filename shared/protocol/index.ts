export * from './account.ts';
export * from './calls.ts';
export * from './errors.ts';
export * from './keyring.ts';
export * from './replication.ts';
export * from './version.ts';
