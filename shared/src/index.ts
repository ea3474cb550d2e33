export * from './errors';
export * from './validators';
export * from './masking';
export * from './schemas/common';
export * from './schemas/auth';
export * from './schemas/catalog';
export * from './compact-dates';
export * from './forms';
