import { Button } from '@nutui/nutui-react-taro';

/** Under "not found": the way back to the list the citizen came from (查看我的预约, 返回我的车辆). */
export function BackToListButton({
  id,
  label,
  onClick,
}: {
  id?: string;
  label: string;
  onClick: () => void;
}): JSX.Element {
  return (
    <Button className="sj-block-button" type="primary" fill="outline" id={id} onClick={onClick}>
      {label}
    </Button>
  );
}
