/** 绿色通道: people aged 60 and over are served first and have places kept for them. */
export const GREEN_CHANNEL_AGE = 60;

/** Age in whole years on `today` (yyyyMMdd) of the person whose resident ID this is. */
export function ageOn(idNumber: string, today: string): number {
  const birth = idNumber.slice(6, 14);
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(4) >= birth.slice(4) ? years : years - 1;
}

export function greenChannel(idNumber: string, today: string): boolean {
  return ageOn(idNumber, today) >= GREEN_CHANNEL_AGE;
}
