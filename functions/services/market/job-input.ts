import type { z } from 'zod';
import type { createJob } from '../../../shared/contracts/jobs';

export type TJobInput = z.output<typeof createJob.body>;

/** Stored columns for a job form (employer and place are named differently in the table). */
export function jobColumns(input: Partial<TJobInput>) {
  const { employer, place, ...rest } = input;
  return {
    ...rest,
    ...(employer ? { employerKind: employer.kind, employerName: employer.name } : {}),
    ...(place !== undefined ? { jobPlace: place } : {}),
  };
}
