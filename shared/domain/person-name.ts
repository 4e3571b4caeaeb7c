/**
 * 微信用户: the name a person carries from WeChat sign-in until they give their own (WeChat no
 * longer hands out nicknames, and this is what it would say). Never a real name.
 */
export const PLACEHOLDER_NAME = '微信用户';

/** 真实姓名: true when `name` is the sign-in placeholder rather than a name someone gave. */
export function isPlaceholderName(name: string | null | undefined): boolean {
  return (name ?? '').trim() === PLACEHOLDER_NAME;
}
