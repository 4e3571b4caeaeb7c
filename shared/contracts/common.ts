import * as z from 'zod';
import { isPlaceholderName } from '../domain/person-name';
import { ROLES, SCOPE_TYPES } from '../domain/roles';

export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const ZScopeType = z.enum(SCOPE_TYPES);
export type TScopeType = z.infer<typeof ZScopeType>;

export const ZNamed = z.object({ id: z.string(), name: z.string() });
export type TNamed = z.infer<typeof ZNamed>;

/** 特殊关怀标记 (信息采集): 独居老人, 高龄老人, 残疾或需要照顾 */
export const ZPersonFlags = z.object({
  livesAlone: z.boolean().default(false),
  elderly: z.boolean().default(false),
  needsCare: z.boolean().default(false),
});
export type TPersonFlags = z.infer<typeof ZPersonFlags>;

/** Mainland mobile number, 11 digits starting with 1[3-9]. */
export const ZPhone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请输入11位手机号');

/** A name someone gave: never the sign-in placeholder 微信用户. */
export const ZPersonName = z
  .string()
  .trim()
  .min(1, '请填写姓名')
  .max(20, '姓名不超过20个字')
  .refine((n) => !isPlaceholderName(n), '请填写真实姓名，不能用「微信用户」');
