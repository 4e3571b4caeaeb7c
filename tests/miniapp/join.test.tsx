import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ERRORS } from '../../shared/errors';
import JoinPage from '../../miniapp/src/pkg-courtyard/join/index';
import { fakeApi, fakeTaro } from './mocks/taro';
import { aMe, IDS } from './fixtures';

const preview = {
  code: 'ABCD234567',
  courtyard: { id: IDS.courtyard, name: '桂花院' },
  village: { id: IDS.village, name: '石坝村' },
  expiresAt: '2030-01-01T00:00:00Z',
};

function typeCode(value: string) {
  fireEvent.change(screen.getByTestId('join-code-input'), { target: { value } });
  fireEvent.click(screen.getByTestId('join-code-submit'));
}

describe('the join page', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-courtyard/join/index');
    fakeApi.on('GET', '/api/me', aMe()).on('GET', '/api/join-requests/mine', { items: [] });
  });

  test('normalises a typed code and previews the courtyard it opens', async () => {
    fakeApi.on('GET', /^\/api\/invites\//, { body: preview });
    render(<JoinPage />);

    typeCode(' abcd-2345 67 ');

    const courtyard = await screen.findByTestId('join-courtyard');
    expect(fakeApi.calls('GET', /^\/api\/invites\//).map((r) => r.path)).toEqual(['/api/invites/ABCD234567']);
    expect(courtyard.textContent).toContain('桂花院');
    expect(courtyard.textContent).toContain('石坝村');
    // the 信息采集 form comes next, pre-filled from the person
    expect((screen.getByTestId('join-name') as HTMLInputElement).value).toBe('王秀英');
  });

  test('shows the Chinese message for the error code the server answers', async () => {
    fakeApi.on('GET', /^\/api\/invites\//, fakeApi.error('INVITE_EXPIRED', 410, ERRORS.INVITE_EXPIRED[1]));
    render(<JoinPage />);

    typeCode('abcd234567');

    const error = await screen.findByTestId('join-code-error');
    expect(error.getAttribute('data-code')).toBe('INVITE_EXPIRED');
    expect(error.textContent).toBe('邀请码已过期，请向院长索取新的邀请码');
    expect(screen.queryByTestId('join-courtyard')).toBeNull();
  });

  test('asks for a code before looking anything up', async () => {
    render(<JoinPage />);
    await waitFor(() => expect(fakeApi.calls('GET', '/api/me')).toHaveLength(1));

    typeCode('  - ');

    expect((await screen.findByTestId('join-code-error')).textContent).toBe('请输入院长给您的邀请码');
    expect(fakeApi.calls('GET', /^\/api\/invites\//)).toHaveLength(0);
  });
});
