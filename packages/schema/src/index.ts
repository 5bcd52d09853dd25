export * from './auth.js';
export * from './common.js';
export * from './observations.js';
export * from './organizations.js';
export * from './roles.js';
export * from './scorecards.js';
export * from './setup.js';
export * from './users.js';
