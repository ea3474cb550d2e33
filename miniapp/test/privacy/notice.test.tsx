import { fireEvent, render, waitFor } from '@testing-library/react';
import type { PrivacyNotice } from '@suijing/shared';
import PrivacyNoticePage from '@/packages/privacy/pages/notice';
import { ApiError } from '@/services/api-error';
import { fetchPrivacyNotice } from '@/services/privacy';
import { privacyStore } from '@/stores/privacy';
import { byId } from '../support/dom';

jest.mock('@/services/privacy', () => ({ fetchPrivacyNotice: jest.fn() }));
const fetchMock = jest.mocked(fetchPrivacyNotice);

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
const shown = (id: string) => waitFor(() => expect(document.getElementById(id)).not.toBeNull());

const NOTICE: PrivacyNotice = {
  version: '2026-12-06',
  intro: '穗警通依照《个人信息保护法》处理您的个人信息。',
  categories: [
    {
      key: 'location',
      title: '位置信息',
      sensitive: true,
      collected: '手机当时的位置',
      purpose: '按距离排列办事大厅',
      retention: '只保存在手机内存中',
      recipients: '不提供给任何第三方',
    },
    {
      key: 'device',
      title: '登录设备信息',
      sensitive: false,
      collected: '设备型号',
      purpose: '登录设备管理',
      retention: '保留 7 天',
      recipients: '不提供给第三方',
    },
  ],
  sensitive: '位置信息属于敏感个人信息。',
  rights: ['删除：在「我的 › 注销账号」申请注销。'],
  contact: '拨打 12345。',
};

describe('隐私保护指引', () => {
  it('when consent is still due, then the guide shows each kind with what, why, how long and to whom, and no consent dialog over it', async () => {
    // Arrange
    privacyStore.set('required');
    fetchMock.mockResolvedValue(NOTICE);

    // Act
    render(<PrivacyNoticePage />);

    // Assert
    await shown('notice');
    const location = text('notice-location');
    for (const words of ['收集什么', '手机当时的位置', '为什么收集', '保存多久', '只保存在手机内存中', '提供给谁']) {
      expect(location).toContain(words);
    }
    expect(location).toContain('敏感个人信息');
    expect(text('notice-device')).not.toContain('敏感个人信息');
    expect(text('notice-rights')).toContain('注销账号');
    expect(document.getElementById('privacy-agree')).toBeNull();
  });

  it('when the guide fails to load, then the reason shows with a retry that loads it', async () => {
    // Arrange
    privacyStore.set('granted');
    fetchMock.mockRejectedValueOnce(
      new ApiError({ status: 503, code: 'UPSTREAM_UNAVAILABLE', message: '服务繁忙，请稍后重试' }),
    );
    fetchMock.mockResolvedValueOnce(NOTICE);
    render(<PrivacyNoticePage />);
    await shown('notice-error');

    // Act
    fireEvent.click(byId('notice-error-retry'));

    // Assert
    await shown('notice');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
