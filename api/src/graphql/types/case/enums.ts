// The enums of cases: states, actions, sources, urgencies and KPI groups, from the domain's codes.
import { CASE_ACTIONS, CASE_SOURCES, CASE_STATES, URGENCIES } from '../../../domain/codes.ts';
import { builder } from '../../builder.ts';

const upper = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v.toUpperCase(), { value: v }])) as Record<string, { value: T }>;

export const CaseStateEnum = builder.enumType('CaseState', {
  description:
    'reported 上报 → accepted 受理 | rejected 不予受理 → registered 立案 → dispatched 派遣 → handling 处置 → handled 反馈 → verified 核查 → closed 结案; suspended 挂账.',
  values: upper(CASE_STATES),
});
export const CaseActionEnum = builder.enumType('CaseAction', {
  description:
    'ACCEPT 受理, REJECT 不予受理, MERGE 合并, REGISTER 立案, DISPATCH 派遣, START 开始处置, REPORT_HANDLED 处置反馈, VERIFY_PASS 核查通过, VERIFY_FAIL 核查不通过(返工), CLOSE 结案, REQUEST_EXTENSION 申请延期, APPROVE_EXTENSION 批准延期, DENY_EXTENSION 驳回延期, SUSPEND 挂账, RESUME 恢复, SUPERVISE 督办.',
  values: upper(CASE_ACTIONS),
});
export const CaseSourceEnum = builder.enumType('CaseSource', { values: upper(CASE_SOURCES) });
export const CaseUrgencyEnum = builder.enumType('CaseUrgency', {
  description: 'URGENT cases count natural time and use the shorter deadlines.',
  values: upper(URGENCIES),
});
export const KpiGroupEnum = builder.enumType('CaseKpiGroup', {
  values: upper(['all', 'district', 'street', 'grid', 'unit'] as const),
});
