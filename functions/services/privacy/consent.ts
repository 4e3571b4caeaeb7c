import type { Db } from '../../../db/client';
import { findLatestConsent, insertConsent } from '../../../db/queries/privacy';
import type { TConsentState } from '../../../shared/contracts/privacy';
import { consentIsCurrent, LEGAL_VERSION } from '../../../shared/domain/privacy';
import { AppError } from '../../../shared/errors';

/** What /api/me says of consent: the version in force and whether this person agreed to it. */
export async function consentState(db: Db, personId: string): Promise<TConsentState> {
  return toConsentState(await findLatestConsent(db, personId));
}

/** The consent a person gave last (null: never), as /api/me says it. */
export function toConsentState(c: { version: string; agreedAt: Date } | null): TConsentState {
  return {
    current: LEGAL_VERSION,
    agreedVersion: c?.version ?? null,
    agreedAt: c?.agreedAt.toISOString() ?? null,
    agreed: consentIsCurrent(c?.version ?? null),
  };
}

/**
 * 同意记录 in the caller's transaction: only the version in force is accepted. `required` (WeChat
 * sign-in): nothing sent is CONSENT_REQUIRED; an old version is CONSENT_OUTDATED either way.
 */
export async function recordConsent(db: Db, personId: string, version: string | undefined, at: Date, required: boolean): Promise<void> {
  if (version === undefined) {
    if (required) throw new AppError('CONSENT_REQUIRED');
    return;
  }
  if (!consentIsCurrent(version)) throw new AppError('CONSENT_OUTDATED');
  await insertConsent(db, { personId, version, agreedAt: at });
}
