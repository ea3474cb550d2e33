import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { HandlingDecision } from '@suijing/shared';
import { formatDay } from '@/utils/case-format';
import { fenText } from '@/utils/money';
import { goTo, payUrl } from '@/utils/navigation';
import { InfoRow } from '../../components/InfoRow';

/** 处理完成: the 处罚决定书 and the way to pay its fine. */
export function DecisionResult({ decision, onBack }: { decision: HandlingDecision; onBack: () => void }): JSX.Element {
  return (
    <View id="handle-result">
      <View className="sj-card handle-result__head">
        <Text className="handle-result__icon" aria-hidden>
          ✓
        </Text>
        <Text className="handle-result__title">处理成功</Text>
        <Text className="handle-result__note">已生成处罚决定书，请在缴款期限内缴纳罚款</Text>
      </View>
      <View className="sj-card" id="handle-decision">
        <InfoRow id="handle-decision-no" label="决定书编号" value={decision.decisionNo} />
        <InfoRow id="handle-decision-fine" label="罚款金额" value={fenText(decision.fineFen)} />
        <InfoRow label="本次记分" value={`${decision.points} 分（累积 ${decision.pointsAfter} 分）`} />
        <InfoRow id="handle-decision-due" label="缴款期限" value={`${formatDay(decision.dueDate)} 前`} />
      </View>
      <View className="handle-bar">
        <Button
          block
          type="primary"
          className="sj-block-button"
          id="handle-pay"
          onClick={() => goTo(payUrl({ kind: 'fine', decisionNo: decision.decisionNo }))}
        >
          去缴款 {fenText(decision.fineFen)}
        </Button>
        <Button block className="sj-block-button handle-bar__secondary" id="handle-back" onClick={onBack}>
          返回违法详情
        </Button>
      </View>
    </View>
  );
}
