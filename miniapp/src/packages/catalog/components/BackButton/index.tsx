import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ROUTES } from '@/utils/navigation';
import './index.scss';

/** Back where the citizen came from; to 首页 when this page was opened directly (a shared link). */
export function BackButton({ text = '返回上一页' }: { text?: string }): JSX.Element {
  const back = (): void => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.switchTab({ url: ROUTES.home });
  };
  return (
    <Button className="sj-block-button catalog-back" id="back-button" type="primary" fill="outline" onClick={back}>
      {text}
    </Button>
  );
}
