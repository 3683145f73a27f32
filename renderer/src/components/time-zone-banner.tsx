// Until someone confirms the club's time zone (ClubOS named none), every time on screen is read
// in an assumed zone; the banner says which, and leads to where it is confirmed.
import { useAppStore } from '../store/store-context';

export function timeZoneBannerText(zone: string): string {
  return `Times are shown in ${zone}, this computer's time zone, because ClubOS did not say which time zone your club is in.`;
}

export function TimeZoneBanner() {
  const zone = useAppStore((s) => (s.session.account?.clubTimeZoneSource === 'assumed' ? s.session.account.clubTimeZone : null));
  const openDialog = useAppStore((s) => s.openDialog);
  if (zone === null) return null;
  return (
    <section className="demo-banner" aria-label="Club time zone">
      <p>{timeZoneBannerText(zone)}</p>
      <button type="button" className="button button--small" onClick={() => openDialog('settings')}>
        Set the club time zone
      </button>
    </section>
  );
}
