// Synthetic Chinese names for estates, projects and companies. Deliberately generic: the city is synthetic.
import type { Rng } from './rng.ts';

const FIRST = '华景翠锦御龙凤金银碧海星月阳光桂荔梅桃松竹兰泰富康宁和安顺嘉裕鸿鹏瑞祥';
const SECOND = '苑庭园府城湾轩阁居湖山林峰港岸洲都汇源泉';

export function stem(rng: Rng): string {
  return `${rng.pick([...FIRST])}${rng.pick([...SECOND])}`;
}

export const PUBLIC_NAMES = [
  '小学',
  '中学',
  '人民医院分院',
  '社区健康服务中心',
  '文体中心',
  '街道办事处',
  '派出所',
  '图书馆',
  '幼儿园',
  '党群服务中心',
];

export const PROJECT_KINDS = [
  '城市更新项目',
  '保障性住房项目',
  '学校新建工程',
  '综合体项目',
  '产业园项目',
  '人才住房项目',
];

export function company(rng: Rng, kind: '置业' | '建设工程' | '工程监理' | '检测技术'): string {
  return `深圳市${stem(rng)}${kind}有限公司`;
}

export function phone(rng: Rng): string {
  return `0755-8${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}
