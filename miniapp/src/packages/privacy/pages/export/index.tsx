import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { LoginGate } from '@/components/PersonalStates';
import { useStepUpAction } from '@/hooks/useStepUpAction';
import { messageOf } from '@/services/api-error';
import { downloadPersonalData } from '@/services/privacy';
import { shareSavedFile, type SavedFile } from '@/utils/save-file';
import './index.scss';

const CONTENTS = [
  '账号信息：手机号、关联的微信、注册时间',
  '实名信息（完整的姓名和身份证号码）和绑定记录',
  '登录过的设备和登录记录',
  '草稿、收藏和上传材料的记录',
  '在线提交的办件（含“一件事”）和消息通知',
  '收件地址簿（完整的收件人、手机号和地址）和缴费记录',
  '个人信息使用记录（近 180 天）和注销申请状态',
];

function Saved({ file }: { file: SavedFile }): JSX.Element {
  const [error, setError] = useState<string | null>(null);
  if (file.kind === 'downloaded') {
    return (
      <View className="export-done" id="export-done">
        <Text className="export-done__title">已开始下载</Text>
        <Text className="sj-hint">文件名：{file.fileName}。请妥善保管，不要发送给他人。</Text>
      </View>
    );
  }
  const share = (): void => {
    setError(null);
    shareSavedFile(file).catch((e: unknown) => setError(messageOf(e)));
  };
  return (
    <View className="export-done" id="export-done">
      <Text className="export-done__title">已保存到小程序</Text>
      <Text className="sj-hint">可发送到“文件传输助手”后在手机或电脑上保存。请妥善保管，不要发送给他人。</Text>
      <Button block className="sj-block-button" type="primary" fill="outline" id="export-share" onClick={share}>
        发送到微信聊天
      </Button>
      {error ? (
        <Text className="sj-field-error" id="export-share-error">
          {error}
        </Text>
      ) : null}
    </View>
  );
}

function Export(): JSX.Element {
  const [saved, setSaved] = useState<SavedFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { run, busy } = useStepUpAction(downloadPersonalData, {
    onDone: (file) => {
      setError(null);
      setSaved(file);
      void Taro.showToast({ title: '个人信息副本已生成', icon: 'none' });
    },
    onError: (message) => setError(message),
  });
  return (
    <View className="sj-card export-card">
      <Text className="export-card__title">副本包含</Text>
      {CONTENTS.map((line) => (
        <Text className="export-card__item" key={line}>
          · {line}
        </Text>
      ))}
      <Text className="sj-hint export-card__note">
        文件为 JSON 格式，含完整的身份证号码和手机号，请妥善保管。为防止他人冒用，下载前需由本人刷脸确认（5
        分钟内有效）。车驾管记录等业务数据请在对应页面查询。
      </Text>
      {error ? (
        <Text className="sj-field-error" id="export-error" aria-live="polite">
          {error}
        </Text>
      ) : null}
      <Button
        block
        className="sj-block-button"
        type="primary"
        id="export-download"
        loading={busy}
        onClick={() => {
          setError(null);
          run();
        }}
      >
        {error ? '重试' : saved ? '重新下载' : '下载个人信息副本'}
      </Button>
      {saved ? <Saved file={saved} /> : null}
    </View>
  );
}

/** 下载个人信息副本: what the product holds about me, as a file, after 本人认证. */
export default function ExportPage(): JSX.Element {
  return (
    <PageShell id="page-export">
      <LoginGate id="export-auth" loginReason="登录后可下载您的个人信息副本。">
        <Export />
      </LoginGate>
    </PageShell>
  );
}
