import { serveMain } from './serve';

/** `npm run serve` (tsx): the route files are found under functions/api and loaded on first use. */
serveMain();
