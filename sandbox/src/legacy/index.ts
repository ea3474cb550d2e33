export * from './envelope';
export * from './dates';
export * from './fields';
