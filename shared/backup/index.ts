export * from './backup-error.ts';
export * from './backup-format.ts';
export * from './backup-reader.ts';
export * from './backup-writer.ts';
export * from './envelope-frames.ts';
export * from './frame-codec.ts';
export * from './header-codec.ts';
export * from './merge-plan.ts';
