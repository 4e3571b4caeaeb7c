/**
 * 「按住说话」's host: WeChat's 同声传译 plugin in the mini-program, the browser's Web Speech API
 * in the H5 build. Imported only by the 找院长 subpackage (pkg-request/components/voice-button),
 * where app.config.ts declares the plugin: WeChat lets a subpackage's plugin be required only
 * from that subpackage's code, and the main package (which every bin scan downloads) stays
 * without it.
 */
import { browserVoice } from './voice-browser'
import { wechatVoice } from './voice-wechat'
import type { VoiceHost } from './types'

// process.env.TARO_ENV is replaced at build time, so the other branch is dropped.
export const voiceHost: VoiceHost = process.env.TARO_ENV === 'weapp' ? wechatVoice : browserVoice
