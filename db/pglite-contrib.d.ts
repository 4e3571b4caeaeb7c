// The contrib extensions are exported as '@electric-sql/pglite/contrib/*' (package.json "exports"),
// which this repo's `moduleResolution: node` does not read: point the types at the file itself.
declare module '@electric-sql/pglite/contrib/pg_trgm' {
  export { pg_trgm } from '@electric-sql/pglite/dist/contrib/pg_trgm';
}
