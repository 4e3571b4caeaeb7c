import { maskPhone, phoneForViewer, phoneIsWhole } from '../../shared/domain/phone-privacy';

describe('手机号遮挡 (shared/domain/phone-privacy)', () => {
  it('masks the middle four digits of a mobile number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('138 1234 1234')).toBe('138****1234');
    expect(maskPhone('123456')).toBe('******');
  });

  it('gives the whole number only with a need, masks it without one, and keeps no number as null', () => {
    expect(phoneForViewer('13812341234', 'self')).toBe('13812341234');
    expect(phoneForViewer('13812341234', 'request_handler')).toBe('13812341234');
    expect(phoneForViewer('13812341234', 'sos_responder')).toBe('13812341234');
    expect(phoneForViewer('13812341234', null)).toBe('138****1234');
    expect(phoneForViewer('13812341234', false)).toBe('138****1234');
    expect(phoneForViewer(null, 'self')).toBeNull();
  });

  it('lets the client offer 打电话 only for a whole number', () => {
    expect(phoneIsWhole('13812341234')).toBe(true);
    expect(phoneIsWhole('138****1234')).toBe(false);
    expect(phoneIsWhole(null)).toBe(false);
  });
});
