// What the console offers for dispatching and verifying a case: units that serve it, patrol officers nearby.
import type { PatrolOfficerRow, UnitSuggestionRow } from '../../../store/case-suggestions.repo.ts';
import { builder } from '../../builder.ts';

export const UnitSuggestion = builder.objectRef<UnitSuggestionRow>('UnitSuggestion').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    kind: t.exposeString('kind'),
    phone: t.exposeString('phone', { nullable: true }),
  }),
});

export const PatrolOfficer = builder.objectRef<PatrolOfficerRow>('PatrolOfficer').implement({
  description: 'A patrol officer (巡查员) on duty, synthetic in the demo city.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    phone: t.exposeString('phone', { nullable: true }),
    streetCode: t.exposeString('street_code', { nullable: true }),
    distanceM: t.exposeFloat('distance_m'),
  }),
});
