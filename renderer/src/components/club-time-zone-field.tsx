// Settings → Account: the club's time zone. ClubOS names it on most dashboards (then it is only
// shown); when it does not, the person picks it once, with the computer's zone preselected.
import { useId, useState } from 'react';
import type { Account, ApiError } from '../../../common/contract';
import { useAppStore } from '../store/store-context';
import { ErrorLine } from './error-line';

export const CLUB_TIME_ZONE_WHY =
  "ClubOS did not say which time zone your club is in. Message times from ClubOS are read in this zone, so they are only right when it is your club's. Times already stored are not changed when you change it.";

function zoneChoices(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

export function ClubTimeZoneField({ account }: { account: Account }) {
  const setClubTimeZone = useAppStore((s) => s.setClubTimeZone);
  const id = useId();
  const zone = account.clubTimeZone;
  const [choice, setChoice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (zone === null || account.clubTimeZoneSource === null) return null;

  if (account.clubTimeZoneSource === 'clubos') {
    return (
      <p className="muted">
        Club time zone: <strong>{zone}</strong> (from ClubOS).
      </p>
    );
  }
  const selected = choice ?? zone;
  const confirmed = account.clubTimeZoneSource === 'confirmed';
  return (
    <form
      className="form"
      aria-label="Club time zone"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        void setClubTimeZone(selected).then((refusal) => {
          setBusy(false);
          setError(refusal);
          if (!refusal) setChoice(null);
        });
      }}
    >
      <div className="field">
        <label htmlFor={id}>Club time zone</label>
        <select id={id} className="input" value={selected} aria-describedby={`${id}-why`} onChange={(e) => setChoice(e.target.value)}>
          {zoneChoices(selected).map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <p id={`${id}-why`} className="field-hint">
          {CLUB_TIME_ZONE_WHY}
        </p>
      </div>
      <ErrorLine message={error?.message} />
      <button type="submit" className="button button--primary" disabled={busy || (confirmed && selected === zone)}>
        {confirmed ? 'Change time zone' : 'Confirm time zone'}
      </button>
      {confirmed ? <p className="muted">Confirmed: {zone}.</p> : null}
    </form>
  );
}
