/** Timer keys of a redemption: its expiry and the reminder a day before. */
export const redemptionExpiryKey = (id: string) => `redemption-expire:${id}`;
export const redemptionReminderKey = (id: string) => `redemption-remind:${id}`;
