export * from './errors.ts';
export * from './replication.ts';
export * from './version.ts';
