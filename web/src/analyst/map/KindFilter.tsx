// Which asset kinds the table and exports hold (none ticked: all).
import { ASSET_KINDS } from '../../data/codes.ts';
import type { AssetKind } from '../../data/generated/graphql.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function KindFilter({
  kinds,
  onKinds,
}: {
  kinds: readonly AssetKind[];
  onKinds: (kinds: AssetKind[]) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="am-section am-kinds" aria-labelledby="am-kinds-title">
      <h2 id="am-kinds-title">{t('amKinds')}</h2>
      <ul>
        {ASSET_KINDS.map((kind) => (
          <li key={kind}>
            <label className="am-check">
              <input
                type="checkbox"
                data-kind={kind}
                checked={kinds.includes(kind)}
                onChange={(e) =>
                  onKinds(ASSET_KINDS.filter((k) => (k === kind ? e.target.checked : kinds.includes(k))))
                }
              />
              {t(`amKind_${kind}`)}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
