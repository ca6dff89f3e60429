// The asset's devices: type, code, online or when last seen, and each metric's latest reading as a button
// that charts it.

import type { DeviceDetail } from '../../../data/drilldown.ts';
import { formatDateTime, formatTime } from '../../../format/time.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import type { Source } from './useDrillDown.ts';

export interface DeviceListProps {
  devices: readonly DeviceDetail[];
  chosen: Source | null;
  onChoose: (source: Source) => void;
}

export function DeviceList({ devices, chosen, onChoose }: DeviceListProps) {
  const { t } = useI18n();
  return (
    <>
      <h3 className="panel-sub">{t('screenDevicesOf', { n: devices.length })}</h3>
      {devices.length === 0 && <p className="dd-muted">{t('screenNoDevices')}</p>}
      <ul className="dd-devices" data-testid="drilldown-devices">
        {devices.map((d) => (
          <DeviceItem key={d.id} device={d} chosen={chosen} onChoose={onChoose} />
        ))}
      </ul>
    </>
  );
}

function DeviceItem({
  device: d,
  chosen,
  onChoose,
}: {
  device: DeviceDetail;
  chosen: Source | null;
  onChoose: (source: Source) => void;
}) {
  const isChosen = (metric: string) =>
    chosen?.kind === 'device' && chosen.deviceId === d.id && chosen.metric === metric;
  return (
    <li data-device={d.code} data-online={d.online}>
      <DeviceHead device={d} />
      <div className="dd-streams">
        {d.datastreams.map((s) => (
          <StreamButton
            key={s.metric.key}
            stream={s}
            current={isChosen(s.metric.key)}
            onClick={() => onChoose({ kind: 'device', deviceId: d.id, metric: s.metric.key })}
          />
        ))}
      </div>
    </li>
  );
}

function DeviceHead({ device: d }: { device: DeviceDetail }) {
  const { t, locale } = useI18n();
  return (
    <div className="dd-device-head">
      <span className={d.online ? 'dot online' : 'dot offline'} aria-hidden="true" />
      <span>{locale === 'en' ? d.typeNameEn : d.typeName}</span>
      <span className="mono dd-muted">{d.code}</span>
      <span className={d.online ? 'dd-online' : 'dd-offline'}>
        {d.online ? t('screenOnline') : t('screenOffline')}
      </span>
      {!d.online && d.lastSeenAt && (
        <span className="dd-muted">{t('screenLastSeen', { at: formatDateTime(d.lastSeenAt) })}</span>
      )}
    </div>
  );
}

function StreamButton({
  stream: s,
  current,
  onClick,
}: {
  stream: DeviceDetail['datastreams'][number];
  current: boolean;
  onClick: () => void;
}) {
  const { locale, formatNumber } = useI18n();
  return (
    <button
      type="button"
      className={`dd-stream${current ? ' current' : ''}`}
      aria-pressed={current}
      title={s.latest ? formatDateTime(s.latest.t) : undefined}
      onClick={onClick}
    >
      <span>{locale === 'en' ? s.metric.nameEn : s.metric.name}</span>
      <span className="mono">{s.latest ? `${formatNumber(s.latest.value)} ${s.metric.unit}` : '—'}</span>
      {s.latest && <span className="dd-muted mono">{formatTime(s.latest.t)}</span>}
    </button>
  );
}
