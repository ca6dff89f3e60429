// One demo case, filed and walked through the real case service on its own clock: each step happens some
// minutes after the one before, never later than a minute before "now". Shared by the demo history
// (demo-cases.ts) and the demo units' inboxes (demo-inbox.ts).
import type pg from 'pg';
import { PNG } from 'pngjs';
import type { CaseConfig } from '../../api/src/config.ts';
import {
  type CaseActor,
  type CaseResult,
  createCase,
  type TransitionInput,
  transitionCase,
} from '../../api/src/dispatch/case.service.ts';
import type { CaseAction, CaseSource, Urgency } from '../../api/src/domain/codes.ts';
import { noListeners } from '../../api/src/live/event-publisher.ts';
import { queryRows } from '../../api/src/store/db.ts';

export const person = (name: string, role: CaseActor['role'], unitCode: string | null = null): CaseActor => ({
  audit: { kind: 'system', id: null, name, origin: { ip: null, userAgent: null } },
  role,
  unitCode,
  scope: null,
});
/** The city's duty officer files, accepts, registers, dispatches and closes. */
export const DUTY = person('duty', 'duty_officer');
/** Futian's duty officer checks the work on site (someone other than the handler). */
export const CHECKER = person('futian.duty', 'duty_officer');

/** A small grey photo stand-in, stored once by its hash. */
export function placeholderPhoto(): Uint8Array {
  const png = new PNG({ width: 8, height: 8 });
  png.data.fill(128);
  return PNG.sync.write(png);
}

export const demoDescription = (categoryName: string) => `${categoryName}：演示案件（合成数据）`;

export interface DemoFiling {
  source: Extract<CaseSource, 'citizen' | 'hotline' | 'patrol'>;
  categoryCode: string;
  description: string;
  assetCode: string;
  urgency: Urgency | null;
}

export class DemoCase {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly config: CaseConfig,
    private readonly now: Date,
    private result: CaseResult,
    private at: Date,
  ) {}

  /** Files the case at `at`: a citizen's report stays reported, an officer's is accepted at once. */
  static async file(pool: pg.Pool, config: CaseConfig, filing: DemoFiling, at: Date, now: Date) {
    const who = filing.source === 'citizen' ? person('citizen', 'public') : DUTY;
    const result = await createCase(
      { pool, config, events: noListeners },
      who,
      {
        source: filing.source,
        categoryCode: filing.categoryCode,
        urgency: filing.urgency,
        description: filing.description,
        address: null,
        location: null,
        assetCode: filing.assetCode,
        alertId: null,
        reporterName: null,
        reporterPhone: null,
        attachments: [],
      },
      at,
    );
    return new DemoCase(pool, config, now, result, at);
  }

  /** Moves the case's clock on. */
  later(minutes: number): this {
    this.at = new Date(Math.min(this.now.getTime() - 60_000, this.at.getTime() + minutes * 60_000));
    return this;
  }

  /** The case's clock. */
  get time(): Date {
    return this.at;
  }

  async step(who: CaseActor, action: CaseAction, extra: Partial<TransitionInput> = {}): Promise<void> {
    this.result = await transitionCase(
      { pool: this.pool, config: this.config, events: noListeners },
      who,
      {
        id: this.result.caseId,
        action,
        version: this.result.version,
        input: {
          comment: null,
          unitCode: null,
          attachments: [],
          extensionMinutes: null,
          mergeInto: null,
          ...extra,
        },
      },
      this.at,
    );
  }

  async state(): Promise<string> {
    const [row] = await queryRows<{ state: string }>(
      this.pool,
      { text: 'SELECT state::text FROM cases WHERE id = $1' },
      [this.result.caseId],
      'reading a demo case',
    );
    return row!.state;
  }
}
