import type { z } from 'zod';
import type { createListing } from '../../../shared/contracts/market';

export type TListingInput = z.output<typeof createListing.body>;
