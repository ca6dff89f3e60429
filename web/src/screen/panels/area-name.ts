// The name of the focused area as the panels show it: 全市 / Whole city, or the district's name.
import type { Districts } from '../../data/districts.ts';

export function areaName(
  code: string | null,
  districts: Districts | null | undefined,
  locale: 'zh-CN' | 'en',
  wholeCity: string,
): string {
  if (code === null) return wholeCity;
  const props = districts?.features.find((f) => f.properties.code === code)?.properties;
  if (!props) return code;
  return locale === 'en' ? (props.nameEn ?? props.name) : props.name;
}
