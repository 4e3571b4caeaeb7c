import { cleanup } from '@testing-library/react';
import { fakeApi, fakeTaro } from './mocks/taro';
import { setPlatform } from '../../miniapp/src/platform';

// Each test starts with no session, no API answers, the browser host and a clean DOM.
afterEach(() => {
  cleanup();
  fakeApi.reset();
  fakeTaro.reset();
  setPlatform();
  delete (window as { __XYJ_PLATFORM__?: unknown }).__XYJ_PLATFORM__;
});
