import { findBinImage, saveBinImage } from '../../../db/queries/bin-registry';
import { BIN_SCAN_PAGE, binScene } from '../../../shared/domain/bin-report';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { WechatCallError } from '../wechat/call';
import { wechatConfig } from '../wechat/config';
import { fetchWxaCode } from '../wechat/wxacode';
import { findUsableBin } from './find-usable-bin';

const ENV_VERSION = { formal: 'release', trial: 'trial', developer: 'develop' } as const;

/** 小程序码 for a bin: generated once per env_version through getwxacodeunlimit, then served from the cache. */
export async function getBinWxaCode(ctx: TSignedInContext, code: string) {
  const bin = await findUsableBin(ctx.db, code);
  const envVersion = ENV_VERSION[ctx.env.WECHAT_MINIPROGRAM_STATE];
  let image = await findBinImage(ctx.db, bin.id, envVersion);
  if (!image) {
    try {
      image = await fetchWxaCode(ctx.db, wechatConfig(ctx.env), ctx.now, {
        scene: binScene(bin.code),
        page: BIN_SCAN_PAGE,
        envVersion,
      });
    } catch (e) {
      throw new AppError('WECHAT_UNAVAILABLE', { cause: e, message: e instanceof WechatCallError ? `微信小程序码生成失败（${e.failure.reason}）` : undefined });
    }
    await saveBinImage(ctx.db, bin.id, envVersion, image.contentType, image.bytes, ctx.now());
  }
  return { contentType: image.contentType, base64: image.bytes.toString('base64') };
}
