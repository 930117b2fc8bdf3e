export * from './vocabulary';
export * from './fields';
export * from './common';
export * from './catalog';
export * from './envelope';
export * from './describe-issues';
export * from './subscriptions';
