export * from './auth.js';
export * from './common.js';
export * from './organizations.js';
export * from './roles.js';
export * from './users.js';
